<?php

declare(strict_types=1);

namespace ZegoToken;

/** Code 32: the token was made for another app id. */
class AppIdMismatchException extends TokenException
{
}
