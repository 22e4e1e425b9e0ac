<?php

declare(strict_types=1);

namespace ZegoToken;

/** Code 7: the plaintext would not fit the token's 16-bit length field. */
class PayloadTooLargeException extends InvalidInputException
{
}
