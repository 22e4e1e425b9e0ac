<?php

declare(strict_types=1);

namespace ZegoToken;

/** Code 40: the operating system's random number generator failed. */
class RandomUnavailableException extends TokenException
{
}
