<?php

declare(strict_types=1);

namespace ZegoToken;

/** Code 30: now >= expire + leeway. */
class ExpiredTokenException extends TokenException
{
}
