<?php

declare(strict_types=1);

namespace ZegoToken;

/**
 * Code 23: wrong secret, or the token was altered. Its name follows the C one (as every binding's); it extends its first name,
 * AuthenticationFailedException, so that code catching that keeps working.
 */
final class AuthFailedException extends AuthenticationFailedException
{
}
