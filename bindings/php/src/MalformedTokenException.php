<?php

declare(strict_types=1);

namespace ZegoToken;

/**
 * Code 20 under its first name.
 *
 * @deprecated catch the class named after the C code instead (every refusal of this code is one).
 */
class MalformedTokenException extends TokenException
{
}
