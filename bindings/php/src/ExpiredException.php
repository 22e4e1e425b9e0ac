<?php

declare(strict_types=1);

namespace ZegoToken;

/**
 * Code 30: the token has expired. Its name follows the C one (as every binding's); it extends its first name,
 * ExpiredTokenException, so that code catching that keeps working.
 */
final class ExpiredException extends ExpiredTokenException
{
}
