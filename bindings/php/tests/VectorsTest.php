<?php

declare(strict_types=1);

namespace ZegoToken\Tests;

use PHPUnit\Framework\TestCase;
use ZegoToken\RtcRoomPayload;
use ZegoToken\Token04;
use ZegoToken\ZegoTokenException;

require_once __DIR__ . '/Vectors.php';

final class VectorsTest extends TestCase
{
    public function testEveryOfficialTokenDecodesToItsRecordedClaims(): void
    {
        $rows = Vectors::read('official-tokens.jsonl');
        $this->assertCount(576, $rows);
        foreach ($rows as $row) {
            $c = Token04::decode($row['token'], $row['secret']);
            $e = $row['claims'];
            $this->assertSame(
                [$e['app_id'], $e['user_id'], $e['ctime'], $e['expire'], $e['nonce'], $e['payload'], $row['format']],
                [$c->appId, $c->userId, $c->ctime, $c->expire, $c->nonce, $c->payload, $c->mode],
                $row['generator']
            );
        }
    }

    public function testEveryInvalidTokenGivesItsCategory(): void
    {
        $category = ['ok' => 0, 'malformed' => 20, 'unsupported_version' => 21, 'unsupported_mode' => 22,
            'auth_failed' => 23, 'bad_plaintext' => 24, 'expired' => 30, 'not_yet_valid' => 31, 'app_id_mismatch' => 32];
        foreach (Vectors::read('invalid-tokens.jsonl') as $row) {
            $code = 0;
            try {
                if ($row['check'] === 'decode') {
                    Token04::decode($row['token'], $row['secret']);
                } else {
                    Token04::verify($row['token'], $row['secret'], $row['app_id'], $row['now'], $row['leeway_seconds']);
                }
            } catch (ZegoTokenException $e) {
                $code = $e->getCode();
            }
            $this->assertSame($category[$row['expect']], $code, $row['name']);
        }
    }

    public function testPrivilegePayloadMatchesTheOfficialJsonByteForByte(): void
    {
        $official = array_map(function (array $row) { return $row['claims']['payload']; }, Vectors::read('official-tokens.jsonl'));
        $nullList = (new RtcRoomPayload('room1', true, false))->toJson();
        $this->assertSame('{"room_id":"room1","privilege":{"1":1,"2":0},"stream_id_list":null}', $nullList);
        $this->assertContains($nullList, $official);
        $this->assertContains((new RtcRoomPayload('room1', true, false, []))->toJson(), $official);
    }

    public function testEveryVerifyCaseGivesItsCodeAndSecretIndex(): void
    {
        foreach (Vectors::read('verify-cases.jsonl') as $row) {
            $options = \ZegoToken\VerifyOptions::defaults()->leeway($row['leeway_seconds'])
                ->requireGcm($row['require_gcm']);
            if (isset($row['user_id'])) {
                $options = $options->userId($row['user_id']);
            }
            if (array_key_exists('now', $row)) { // a case without "now" checks at the system clock
                $options = $options->at($row['now']);
            }
            try {
                $index = \ZegoToken\Token04::verifyWithAny($row['token'], $row['secrets'], $row['app_id'], $options)->secretIndex;
                $code = 0;
            } catch (\ZegoToken\ZegoTokenException $e) {
                $index = null;
                $code = $e->getCode();
            }
            $this->assertSame([$row['expect_code'], $row['secret_index'] ?? null], [$code, $index], $row['name']);
        }
    }

    public function testEveryTokenBreakingAGenerationRuleDecodesWithItsFindings(): void
    {
        $rows = Vectors::read('finding-tokens.jsonl');
        $this->assertCount(6, $rows);
        foreach ($rows as $row) {
            $generator = new \ZegoToken\Generator($row['app_id'], $row['secret']);
            foreach ([Token04::decode($row['token'], $row['secret']), $generator->decode($row['token'])] as $c) {
                $this->assertSame(
                    [$row['claims']['user_id'], $row['claims']['nonce'], $row['format'], $row['findings']],
                    [$c->userId, $c->nonce, $c->mode, $c->findings],
                    $row['name']
                );
            }
        }
    }

    public function testATokenBreakingAGenerationRuleVerifiesWhenCurrentAndIsBadPlaintextWhenLegacy(): void
    {
        foreach (Vectors::read('finding-tokens.jsonl') as $row) {
            $code = 0;
            try {
                $c = Token04::verify($row['token'], $row['secret'], $row['app_id'], $row['now']);
                $this->assertSame($row['findings'], $c->findings);
            } catch (ZegoTokenException $e) {
                $code = $e->getCode();
                $this->assertInstanceOf(\ZegoToken\BadPlaintextException::class, $e);
            }
            $this->assertSame($row['verify_code'], $code, $row['name']);
        }
    }

    public function testATokenWithinTheRulesHasNoFinding(): void
    {
        $row = Vectors::read('official-tokens.jsonl')[0];
        $this->assertSame([], Token04::decode($row['token'], $row['secret'])->findings);
    }
}
