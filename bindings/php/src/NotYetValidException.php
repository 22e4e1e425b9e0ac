<?php

declare(strict_types=1);

namespace ZegoToken;

/** Code 31: ctime > now + leeway. */
class NotYetValidException extends TokenException
{
}
