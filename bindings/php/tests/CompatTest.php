<?php

declare(strict_types=1);

namespace ZegoToken\Tests;

use PHPUnit\Framework\TestCase;
use ZEGO\ZegoAssistantToken;
use ZEGO\ZegoErrorCodes;
use ZEGO\ZegoServerAssistant;
use ZegoToken\Token04;

final class CompatTest extends TestCase
{
    private const SECRET = '0123456789abcdef0123456789abcdef';

    public function testSuccessHasTheOfficialShape(): void
    {
        $token = ZegoServerAssistant::generateToken04(1234567890, 'demo', self::SECRET, 3600, '');
        $this->assertInstanceOf(ZegoAssistantToken::class, $token);
        $this->assertSame(ZegoErrorCodes::success, $token->code);
        $this->assertSame('demo', Token04::decode($token->token, self::SECRET)->userId);
    }

    public function testEachErrorIsReportedNeverThrown(): void
    {
        $cases = [
            [0, 'demo', self::SECRET, 3600, '', ZegoErrorCodes::appIDInvalid],
            [-1, 'demo', self::SECRET, 3600, '', ZegoErrorCodes::appIDInvalid],
            [1, '', self::SECRET, 3600, '', ZegoErrorCodes::userIDInvalid],
            [1, 'demo', 'short', 3600, '', ZegoErrorCodes::secretInvalid],
            [1, 'demo', self::SECRET, 0, '', ZegoErrorCodes::effectiveTimeInSecondsInvalid],
            [1, 'demo', self::SECRET, 3600, str_repeat('x', 70000), 7],
        ];
        foreach ($cases as [$app, $user, $secret, $ttl, $payload, $code]) {
            $token = ZegoServerAssistant::generateToken04($app, $user, $secret, $ttl, $payload);
            $this->assertSame([$code, ''], [$token->code, $token->token]);
            $this->assertNotSame('', $token->message);
        }
        // The official class's messages, word for word.
        $official = [
            ZegoErrorCodes::appIDInvalid => [0, 'demo', self::SECRET, 3600, 'appID invalid'],
            ZegoErrorCodes::userIDInvalid => [1, '', self::SECRET, 3600, 'userID invalid'],
            ZegoErrorCodes::secretInvalid => [1, 'demo', 'short', 3600, 'secret must be a 32 byte string'],
            ZegoErrorCodes::effectiveTimeInSecondsInvalid => [1, 'demo', self::SECRET, 0, 'effectiveTimeInSeconds invalid'],
        ];
        foreach ($official as $code => [$app, $user, $secret, $ttl, $message]) {
            $token = ZegoServerAssistant::generateToken04($app, $user, $secret, $ttl, '');
            $this->assertSame([$code, $message], [$token->code, $token->message]);
        }
        $this->assertSame([1, 2, 1, 0], [\ZEGO\PrivilegeKeyLogin, \ZEGO\PrivilegeKeyPublish, \ZEGO\PrivilegeEnable, \ZEGO\PrivilegeDisable]);
    }
}
