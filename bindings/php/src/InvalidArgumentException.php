<?php

declare(strict_types=1);

namespace ZegoToken;

/** Code 10: an argument is out of range (also a NUL byte in a string). */
class InvalidArgumentException extends InvalidInputException
{
}
