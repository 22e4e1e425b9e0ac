<?php

declare(strict_types=1);

namespace ZegoToken;

/** Code 5: the secret is not exactly 32 ASCII bytes. */
class InvalidSecretException extends InvalidInputException
{
}
