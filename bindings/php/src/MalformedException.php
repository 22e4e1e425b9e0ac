<?php

declare(strict_types=1);

namespace ZegoToken;

/**
 * Code 20: the token is malformed. Its name follows the C one (as every binding's); it extends its first name,
 * MalformedTokenException, so that code catching that keeps working.
 */
final class MalformedException extends MalformedTokenException
{
}
