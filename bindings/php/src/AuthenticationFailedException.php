<?php

declare(strict_types=1);

namespace ZegoToken;

/**
 * Code 23 under its first name.
 *
 * @deprecated catch the class named after the C code instead (every refusal of this code is one).
 */
class AuthenticationFailedException extends TokenException
{
}
