<?php

declare(strict_types=1);

namespace ZegoToken\Tests;

use PHPUnit\Framework\TestCase;
use ZegoToken;
use ZegoToken\Generator;
use ZegoToken\RtcRoomPayload;
use ZegoToken\Token04;

final class Token04Test extends TestCase
{
    private const SECRET = '0123456789abcdef0123456789abcdef';
    private const APP_ID = 1234567890;

    public function testEveryLibraryCodeHasAnExceptionClassOfItsOwn(): void
    {
        $classes = [];
        foreach ([1, 3, 5, 6, 7, 8, 9, 10, 11, 12, 20, 21, 22, 23, 24, 30, 31, 32, 33, 40, 41] as $code) {
            $e = \ZegoToken\Errors::exceptionFor($code, Token04::message($code));
            $this->assertSame($code, $e->getCode());
            $this->assertNotSame(\ZegoToken\TokenException::class, get_class($e), "code $code has no class");
            $classes[] = get_class($e);
        }
        $this->assertSame(count($classes), count(array_unique($classes)));
        $this->assertInstanceOf(\ZegoToken\PanicException::class, \ZegoToken\Errors::exceptionFor(41, 'internal error'));
    }

    public function testErrorClassesTakeTheirNamesFromTheCOnesAndExtendTheirFirstNames(): void
    {
        $token = Token04::generate(1234567890, 'u', '0123456789abcdef0123456789abcdef', 60);
        try {
            Token04::decode($token, 'fedcba9876543210fedcba9876543210');
            $this->fail('decoded with another secret');
        } catch (\ZegoToken\AuthFailedException $e) {
            $this->assertSame(\ZegoToken\AuthFailedException::class, get_class($e));
            $this->assertInstanceOf(\ZegoToken\AuthenticationFailedException::class, $e);
            $this->assertSame(23, $e->getCode());
        }
        $this->assertTrue(is_subclass_of(\ZegoToken\MalformedException::class, \ZegoToken\MalformedTokenException::class));
        $this->assertTrue(is_subclass_of(\ZegoToken\ExpiredException::class, \ZegoToken\ExpiredTokenException::class));
    }

    public function testAnExplicitTimeIsThatTimeTheEpochIncluded(): void
    {
        $token = Token04::generate(1234567890, 'u', '0123456789abcdef0123456789abcdef', 3600);
        // A token made now is not yet valid at the epoch: 0 is a time, not "use the clock".
        try {
            Token04::verify($token, '0123456789abcdef0123456789abcdef', 1234567890, 0);
            $this->fail('verified at the epoch');
        } catch (\ZegoToken\NotYetValidException $e) {
            $this->assertSame(31, $e->getCode());
        }
        // Without a time (null), the system clock.
        $this->assertSame('u', Token04::verify($token, '0123456789abcdef0123456789abcdef', 1234567890)->userId);
        $this->assertSame('u', Token04::verify($token, '0123456789abcdef0123456789abcdef', 1234567890, null)->userId);
    }

    public function testGenerateThenDecodeRoundTripsUnicode(): void
    {
        foreach ([['user_中文_ü', "载荷 ü é 😀 \u{2028} end"], ['a"b\\c', '<b>&</b>'], [str_repeat('😀', 16), '']] as [$user, $payload]) {
            $c = Token04::decode(Token04::generate(self::APP_ID, $user, self::SECRET, 600, $payload), self::SECRET);
            $this->assertSame([$user, $payload, self::APP_ID, 'gcm', 600], [$c->userId, $c->payload, $c->appId, $c->mode, $c->expire - $c->ctime]);
        }
    }

    public function testClaimsAreReadOnly(): void
    {
        $c = Token04::decode(Token04::generate(self::APP_ID, 'u', self::SECRET), self::SECRET);
        $this->expectException(\LogicException::class);
        $c->userId = 'other';
    }

    public function testGeneratorIsReusableHidesItsSecretAndClosesTwice(): void
    {
        $g = new Generator(self::APP_ID, self::SECRET);
        $this->assertSame('u', Token04::decode($g->generate('u', 60), self::SECRET)->userId);
        $this->assertStringNotContainsString(self::SECRET, print_r($g, true));
        $g->close();
        $g->close();
        $this->expectException(ZegoToken\InvalidArgumentException::class);
        $g->generate('u', 60);
    }

    public function testPrivilegeTokenCarriesItsPayload(): void
    {
        $payload = (string) new RtcRoomPayload('room1', true, true, ['s1', 's2']);
        $token = Token04::generate(self::APP_ID, 'u', self::SECRET, 3600, $payload);
        $this->assertSame('{"room_id":"room1","privilege":{"1":1,"2":1},"stream_id_list":["s1","s2"]}', Token04::decode($token, self::SECRET)->payload);
    }

    public function testVerifyChecksTimeAndAppId(): void
    {
        $token = Token04::generate(self::APP_ID, 'u', self::SECRET, 60);
        $c = Token04::verify($token, self::SECRET, self::APP_ID);
        $this->assertSame('u', Token04::verify($token, self::SECRET, self::APP_ID, $c->expire + 5, 30)->userId);
        $cases = [
            [self::APP_ID, $c->expire + 60, 0, ZegoToken\ExpiredTokenException::class],
            [self::APP_ID, $c->ctime - 3600, 0, ZegoToken\NotYetValidException::class],
            [self::APP_ID + 1, null, 0, ZegoToken\AppIdMismatchException::class],
            [self::APP_ID, null, -1, ZegoToken\InvalidArgumentException::class],
        ];
        foreach ($cases as [$app, $now, $leeway, $class]) {
            try {
                Token04::verify($token, self::SECRET, $app, $now, $leeway);
                $this->fail("expected $class");
            } catch (ZegoToken\ZegoTokenException $e) {
                $this->assertInstanceOf($class, $e);
            }
        }
    }

    /** @return array<string, array{callable, int}> */
    public function badInput(): array
    {
        $s = self::SECRET;
        $a = self::APP_ID;
        return [
            'app id 0' => [function () use ($s) { Token04::generate(0, 'u', $s); }, 1],
            'app id above uint32' => [function () use ($s) { Token04::generate(2 ** 32, 'u', $s); }, 10],
            'empty user id' => [function () use ($a, $s) { Token04::generate($a, '', $s); }, 3],
            '65-byte user id' => [function () use ($a, $s) { Token04::generate($a, str_repeat('u', 65), $s); }, 3],
            '31-byte secret' => [function () use ($a, $s) { Token04::generate($a, 'u', substr($s, 0, 31)); }, 5],
            '33-byte secret' => [function () use ($a, $s) { Token04::generate($a, 'u', $s . '0'); }, 5],
            'non-ASCII secret' => [function () use ($a) { Token04::generate($a, 'u', str_repeat('é', 16)); }, 5],
            'effective time 0' => [function () use ($a, $s) { Token04::generate($a, 'u', $s, 0); }, 6],
            'negative effective time' => [function () use ($a, $s) { Token04::generate($a, 'u', $s, -1); }, 6],
            'overflowing effective time' => [function () use ($a, $s) { Token04::generate($a, 'u', $s, PHP_INT_MAX); }, 6],
            'oversized payload' => [function () use ($a, $s) { Token04::generate($a, 'u', $s, 1, str_repeat('x', 70000)); }, 7],
            'NUL byte' => [function () use ($a, $s) { Token04::generate($a, "a\0b", $s); }, 10],
            'invalid UTF-8' => [function () use ($a, $s) { Token04::generate($a, "\xff", $s); }, 12],
            'generator app id 0' => [function () use ($s) { new Generator(0, $s); }, 1],
            'empty room id' => [function () { (new RtcRoomPayload(''))->toJson(); }, 8],
            '129-byte room id' => [function () { (new RtcRoomPayload(str_repeat('r', 129)))->toJson(); }, 8],
            '257-byte stream id' => [function () { (new RtcRoomPayload('r', true, true, [str_repeat('s', 257)]))->toJson(); }, 9],
            'empty token' => [function () use ($s) { Token04::decode('', $s); }, 20],
            'not base64' => [function () use ($s) { Token04::decode('04!!', $s); }, 20],
            'version 03' => [function () use ($s) { Token04::decode('03AAAAAAAAAAAA', $s); }, 21],
            'wrong secret' => [function () use ($a, $s) { Token04::decode(Token04::generate($a, 'u', $s), 'fedcba9876543210fedcba9876543210'); }, 23],
        ];
    }

    /** @dataProvider badInput */
    public function testBadInputThrowsItsCode(callable $call, int $code): void
    {
        try {
            $call();
            $this->fail('no exception');
        } catch (ZegoToken\ZegoTokenException $e) {
            $this->assertSame($code, $e->getCode());
        }
    }

    public function testTheLibraryIsReported(): void
    {
        // The library this binding loads is the version its composer.json declares.
        $manifest = json_decode((string) file_get_contents(__DIR__ . '/../composer.json'), true);
        $this->assertSame($manifest['version'], Token04::libraryVersion());
        $this->assertSame('token has expired', Token04::message(30));
    }

    public function testInputErrorsAreSplInvalidArgumentExceptionsAndTokenErrorsRuntimeExceptions(): void
    {
        try {
            Token04::generate(0, 'u', '0123456789abcdef0123456789abcdef', 60);
            $this->fail('no exception');
        } catch (\InvalidArgumentException $e) {
            $this->assertInstanceOf(ZegoToken\InvalidAppIdException::class, $e);
            $this->assertInstanceOf(ZegoToken\ZegoTokenException::class, $e);
            $this->assertSame(1, $e->getCode());
        }
        try {
            Token04::decode('04not-a-token', '0123456789abcdef0123456789abcdef');
            $this->fail('no exception');
        } catch (\RuntimeException $e) {
            $this->assertInstanceOf(ZegoToken\MalformedTokenException::class, $e);
            $this->assertInstanceOf(ZegoToken\ZegoTokenException::class, $e);
            $this->assertSame(20, $e->getCode());
        }
    }

    public function testThePlatformFolderNamesTheOsTheMachineAndTheLibc(): void
    {
        [$folder, $file] = ZegoToken\Native::platform();
        $this->assertMatchesRegularExpression('/^(linux-(x86_64|aarch64)-(gnu|musl)|darwin-(x86_64|aarch64)|windows-x86_64)$/', $folder);
        $this->assertFileExists(ZegoToken\Native::bundledLibrary());
        $this->assertStringEndsWith("/lib/$folder/$file", ZegoToken\Native::bundledLibrary());
    }

    /** @return array<string, mixed> an official legacy CBC token's vector row */
    private static function officialCbc(): array
    {
        foreach (Vectors::read('official-tokens.jsonl') as $row) {
            if ($row['format'] === 'cbc') {
                return $row;
            }
        }
        throw new \RuntimeException('no cbc token in the vectors');
    }

    public function testVerifyReportsALegacyTokenAndAcceptsItByDefault(): void
    {
        $row = self::officialCbc();
        $claims = Token04::verify($row['token'], $row['secret'], $row['claims']['app_id'], $row['claims']['ctime']);
        $this->assertSame('cbc', $claims->mode);
    }

    public function testVerifyWithRequireGcmRefusesALegacyToken(): void
    {
        $row = self::officialCbc();
        try {
            Token04::verify($row['token'], $row['secret'], $row['claims']['app_id'], $row['claims']['ctime'], 0, true);
            $this->fail('a legacy token was accepted');
        } catch (ZegoToken\UnsupportedModeException $e) {
            $this->assertSame(22, $e->getCode());
        }
    }

    public function testVerifyWithRequireGcmAcceptsACurrentTokenWithEveryClaim(): void
    {
        $token = Token04::generate(self::APP_ID, '用户', self::SECRET, 600, '{"a":1}');
        $claims = Token04::verify($token, self::SECRET, self::APP_ID, null, 5, true);
        $this->assertSame(Token04::decode($token, self::SECRET)->toArray(), $claims->toArray());
        $this->assertSame('gcm', $claims->mode);
        $this->expectException(ZegoToken\AppIdMismatchException::class);
        Token04::verify($token, self::SECRET, self::APP_ID + 1, null, 0, true);
    }

    private const OTHER = 'fedcba9876543210fedcba9876543210';

    public function testVerifyWithAnyReturnsTheIndexOfTheMatchingSecret(): void
    {
        $token = Token04::generate(self::APP_ID, 'u', self::SECRET, 60);
        $verified = Token04::verifyWithAny($token, [self::OTHER, self::SECRET], self::APP_ID);
        $this->assertSame(['u', 1], [$verified->claims->userId, $verified->secretIndex]);
        $this->expectException(ZegoToken\AuthenticationFailedException::class);
        Token04::verifyWithAny($token, [self::OTHER], self::APP_ID);
    }

    public function testVerifyWithAnyNeedsAtLeastOneSecret(): void
    {
        $token = Token04::generate(self::APP_ID, 'u', self::SECRET, 60);
        $this->expectException(ZegoToken\InvalidArgumentException::class);
        Token04::verifyWithAny($token, [], self::APP_ID);
    }

    public function testVerifyChecksTheExpectedUserIdWithCode33(): void
    {
        $token = Token04::generate(self::APP_ID, 'alice', self::SECRET, 60);
        $options = ZegoToken\VerifyOptions::defaults()->userId('alice');
        $this->assertSame('alice', Token04::verifyWithOptions($token, self::SECRET, self::APP_ID, $options)->userId);
        try {
            Token04::verifyWithOptions($token, self::SECRET, self::APP_ID, $options->userId('bob'));
            $this->fail('another user id was accepted');
        } catch (ZegoToken\UserIdMismatchException $e) {
            $this->assertSame(33, $e->getCode());
        }
    }

    public function testVerifyTakesDateTimesAndDateIntervals(): void
    {
        $token = Token04::generate(self::APP_ID, 'u', self::SECRET, 60);
        $claims = Token04::decode($token, self::SECRET);
        $this->assertSame(60, $claims->expiresAt()->getTimestamp() - $claims->createdAt()->getTimestamp());
        $after = $claims->expiresAt()->modify('+5 seconds');
        $tolerant = ZegoToken\VerifyOptions::defaults()->at($after)->leeway(new \DateInterval('PT10S'));
        $this->assertSame($claims->toArray(), Token04::verifyWithOptions($token, self::SECRET, self::APP_ID, $tolerant)->toArray());
        $this->expectException(ZegoToken\ExpiredTokenException::class);
        Token04::verifyWithOptions($token, self::SECRET, self::APP_ID, ZegoToken\VerifyOptions::defaults()->at($after));
    }

    public function testTheEpochIsATimeLikeAnyOtherInVerifyOptions(): void
    {
        $token = Token04::generate(self::APP_ID, 'u', self::SECRET, 60);
        $this->expectException(ZegoToken\NotYetValidException::class);
        Token04::verifyWithOptions($token, self::SECRET, self::APP_ID, ZegoToken\VerifyOptions::defaults()->at(0));
    }

    public function testAGeneratorDecodesAndVerifiesWithItsKey(): void
    {
        $generator = new Generator(self::APP_ID, self::SECRET);
        $token = $generator->generate('u', 60);
        $this->assertSame('u', $generator->decode($token)->userId);
        $options = ZegoToken\VerifyOptions::defaults()->userId('u')->requireGcm()->leeway(5);
        $this->assertSame('u', $generator->verify($token, $options)->userId);
        $other = new Generator(self::APP_ID + 1, self::SECRET);
        try {
            $other->verify($token);
            $this->fail('another app id was accepted');
        } catch (ZegoToken\AppIdMismatchException $e) {
            $this->assertSame(32, $e->getCode());
        }
        $generator->close();
        $this->expectException(ZegoToken\InvalidArgumentException::class);
        $generator->decode($token);
    }
}
