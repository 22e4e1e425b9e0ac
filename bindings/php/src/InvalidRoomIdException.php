<?php

declare(strict_types=1);

namespace ZegoToken;

/** Code 8: the room id is empty or longer than 128 bytes. */
class InvalidRoomIdException extends InvalidInputException
{
}
