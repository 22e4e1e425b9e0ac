<?php
// zego-token against careful hand-written PHP making the same Token04 with openssl_encrypt
// ('aes-256-gcm', one random_bytes call per token, the envelope packed in one pack()), side by
// side in one process: each round runs every implementation for n tokens in turn, and the figure
// is the median round. PHP's openssl extension keeps no cipher context between calls, so the
// hand-written code has no reusable form: both zego-token calls are compared with the same one.
//   php bench/bench.php [rounds] [n]   (after composer dump-autoload and bin/bundle-native.php)
require __DIR__ . '/../vendor/autoload.php';

const APP_ID = 1234567890;
const SECRET = '0123456789abcdef0123456789abcdef';
const USER_ID = 'user_123456';

/** The baseline: what a careful PHP developer writes for Token04 (not part of the package). */
function handWrittenToken04(int $appId, string $userId, string $secret, int $ttl, string $payload = ''): string
{
    $random = random_bytes(16); // the GCM nonce (12) and the claims' nonce (4)
    $iv = substr($random, 0, 12);
    $ctime = time();
    $expire = $ctime + $ttl;
    $plain = json_encode(['app_id' => $appId, 'user_id' => $userId, 'ctime' => $ctime, 'expire' => $expire,
        'nonce' => unpack('l', $random, 12)[1], 'payload' => $payload], JSON_UNESCAPED_UNICODE | JSON_UNESCAPED_SLASHES);
    $sealed = openssl_encrypt($plain, 'aes-256-gcm', $secret, OPENSSL_RAW_DATA, $iv, $tag) . $tag;
    return '04' . base64_encode(pack('JnA12n', $expire, 12, $iv, strlen($sealed)) . $sealed . "\x01");
}

$rounds = (int) ($argv[1] ?? 21);
$n = (int) ($argv[2] ?? 50000);
$room = (new ZegoToken\RtcRoomPayload('room-1', true, true))->toJson();
foreach (['', $room] as $payload) { // the baseline makes real tokens
    $claims = ZegoToken\Token04::decode(handWrittenToken04(APP_ID, USER_ID, SECRET, 3600, $payload), SECRET);
    if ($claims->userId !== USER_ID || $claims->payload !== $payload) {
        exit("bad baseline\n");
    }
}
$g = new ZegoToken\Generator(APP_ID, SECRET);
printf("PHP %s, zego-token %s; median of %d interleaved rounds of %s tokens\n", PHP_VERSION,
    ZegoToken\Token04::libraryVersion(), $rounds, number_format($n));
printf("%-9s %-38s %12s %9s %8s\n", 'payload', 'implementation', 'tokens/s', 'us/token', 'speed-up');
foreach (['empty' => '', 'privilege' => $room] as $label => $payload) {
    $impls = [
        'hand-written (openssl_encrypt)' => function () use ($payload) { return handWrittenToken04(APP_ID, USER_ID, SECRET, 3600, $payload); },
        'Token04::generate (one-shot)' => function () use ($payload) { return ZegoToken\Token04::generate(APP_ID, USER_ID, SECRET, 3600, $payload); },
        'Generator::generate (reusable)' => function () use ($g, $payload) { return $g->generate(USER_ID, 3600, $payload); },
    ];
    $samples = array_fill_keys(array_keys($impls), []);
    for ($r = 0; $r < $rounds; $r++) {
        foreach ($impls as $name => $make) {
            $start = hrtime(true);
            for ($i = 0; $i < $n; $i++) {
                $make();
            }
            $samples[$name][] = (hrtime(true) - $start) / $n;
        }
    }
    $median = function (array $xs) { sort($xs); return $xs[intdiv(count($xs), 2)]; };
    $base = $median($samples['hand-written (openssl_encrypt)']);
    foreach ($samples as $name => $xs) {
        $ns = $median($xs);
        printf("%-9s %-38s %12s %9.3f %7.2fx\n", $label, $name, number_format(1e9 / $ns), $ns / 1000, $base / $ns);
    }
}
