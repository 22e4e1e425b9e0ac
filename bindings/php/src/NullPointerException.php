<?php

declare(strict_types=1);

namespace ZegoToken;

/** Code 11: a required argument is missing. */
class NullPointerException extends InvalidInputException
{
}
