<?php

declare(strict_types=1);

namespace ZegoToken;

use FFI;

/**
 * The privilege payload of an RTC room token, a value object. toJson() (or string conversion) is
 * exactly the official plug-in's JSON: {"room_id":"room1","privilege":{"1":1,"2":0},"stream_id_list":null}.
 */
final class RtcRoomPayload
{
    /** @var string */
    private $roomId;
    /** @var bool */
    private $canLogin;
    /** @var bool */
    private $canPublish;
    /** @var string[]|null */
    private $streamIds;

    /** @param string[]|null $streamIds null: no restriction (written as null); [] is written as [] */
    public function __construct(string $roomId, bool $canLogin = true, bool $canPublish = false, ?array $streamIds = null)
    {
        $this->roomId = $roomId;
        $this->canLogin = $canLogin;
        $this->canPublish = $canPublish;
        $this->streamIds = $streamIds === null ? null : array_values($streamIds);
    }

    public function getRoomId(): string { return $this->roomId; }
    public function canLogin(): bool { return $this->canLogin; }
    public function canPublish(): bool { return $this->canPublish; }
    /** @return string[]|null */
    public function getStreamIds(): ?array { return $this->streamIds; }

    /** The payload JSON, validated by the library (InvalidRoomIdException, InvalidStreamIdException). */
    public function toJson(): string
    {
        $ffi = Native::ffi();
        $array = null;
        $buffers = []; // keeps each C copy alive until the call returns
        $count = $this->streamIds === null ? 0 : count($this->streamIds);
        if ($this->streamIds !== null) {
            $array = $ffi->new('const char *[' . max(1, $count) . ']');
            foreach ($this->streamIds as $i => $id) {
                $id = Native::text((string) $id, 'stream id');
                $buffers[$i] = $ffi->new('char[' . (strlen($id) + 1) . ']');
                FFI::memcpy($buffers[$i], $id, strlen($id));
                $array[$i] = FFI::cast('const char *', $buffers[$i]);
            }
        }
        $out = Native::out();
        Native::check($ffi->zego_rtc_room_payload(Native::text($this->roomId, 'roomId'), $this->canLogin ? 1 : 0,
            $this->canPublish ? 1 : 0, $array, $count, FFI::addr($out)));
        return Native::take($out);
    }

    public function __toString(): string
    {
        return $this->toJson();
    }
}
