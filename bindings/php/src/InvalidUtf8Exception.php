<?php

declare(strict_types=1);

namespace ZegoToken;

/** Code 12: a string is not valid UTF-8. */
class InvalidUtf8Exception extends InvalidInputException
{
}
