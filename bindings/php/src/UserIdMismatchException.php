<?php

declare(strict_types=1);

namespace ZegoToken;

/** Code 33: the token was made for another user id. */
class UserIdMismatchException extends TokenException
{
}
