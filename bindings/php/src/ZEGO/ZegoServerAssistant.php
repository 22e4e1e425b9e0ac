<?php

namespace ZEGO;

use ZegoToken\Token04;
use ZegoToken\ZegoTokenException;

/**
 * Drop-in for the official zego_server_assistant PHP class: same namespace, class, static method and
 * ZegoAssistantToken result. Invalid input never throws: it is reported in $code and $message.
 * Unlike the official one it draws nonces from a CSPRNG (not mt_rand) and writes raw UTF-8.
 */
class ZegoServerAssistant
{
    public static function generateToken04(int $appId, string $userId, string $secret, int $effectiveTimeInSeconds, string $payload = ''): ZegoAssistantToken
    {
        $result = new ZegoAssistantToken();
        $result->code = ZegoErrorCodes::success;
        $result->message = '';
        $result->token = '';
        try {
            $result->token = Token04::generate($appId, $userId, $secret, $effectiveTimeInSeconds, $payload);
        } catch (ZegoTokenException $e) {
            $code = $e->getCode();
            $result->code = $code === 10 && ($appId < 0 || $appId > 0xFFFFFFFF) ? ZegoErrorCodes::appIDInvalid : $code;
            $result->message = self::OFFICIAL_MESSAGES[$result->code] ?? $e->getMessage();
        }
        return $result;
    }

    /** The official class's message for each of its codes, word for word. */
    private const OFFICIAL_MESSAGES = [
        ZegoErrorCodes::appIDInvalid => 'appID invalid',
        ZegoErrorCodes::userIDInvalid => 'userID invalid',
        ZegoErrorCodes::secretInvalid => 'secret must be a 32 byte string',
        ZegoErrorCodes::effectiveTimeInSecondsInvalid => 'effectiveTimeInSeconds invalid',
    ];
}
