<?php

declare(strict_types=1);

namespace ZegoToken;

/** Code 23: wrong secret, or the token was altered. */
class AuthenticationFailedException extends TokenException
{
}
