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
            $result->message = $e->getMessage();
        }
        return $result;
    }
}
