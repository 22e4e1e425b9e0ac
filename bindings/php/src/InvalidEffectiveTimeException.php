<?php

declare(strict_types=1);

namespace ZegoToken;

/** Code 6: the effective time is <= 0 or the expiry overflows. */
class InvalidEffectiveTimeException extends InvalidInputException
{
}
