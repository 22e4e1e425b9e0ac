<?php

declare(strict_types=1);

namespace ZegoToken;

/** Code 1: the app id is 0. */
class InvalidAppIdException extends InvalidInputException
{
}
