<?php

declare(strict_types=1);

namespace ZegoToken;

/** Code 21: the token does not start with "04". */
class UnsupportedVersionException extends TokenException
{
}
