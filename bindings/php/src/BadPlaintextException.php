<?php

declare(strict_types=1);

namespace ZegoToken;

/** Code 24: the token decrypts but is not the expected claims. */
class BadPlaintextException extends TokenException
{
}
