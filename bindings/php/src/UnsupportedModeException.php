<?php

declare(strict_types=1);

namespace ZegoToken;

/** Code 22: the token's mode byte is not 1. */
class UnsupportedModeException extends TokenException
{
}
