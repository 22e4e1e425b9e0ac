package zegotoken_test

import (
	"encoding/base64"
	"errors"
	"os"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/zego-token/zegotoken"
	zegoerrors "github.com/zego-token/zegotoken/errors"
	"github.com/zego-token/zegotoken/token04"
)

const (
	secret = "0123456789abcdef0123456789abcdef"
	appID  = uint32(1234567890)
)

func TestGenerateThenDecodeRoundTripsUnicode(t *testing.T) {
	cases := []struct{ user, payload string }{
		{"user_中文_ü", "载荷 ü é 😀 \u2028 end"},
		{`a"b\c`, "<b>&</b>"},
		{strings.Repeat("😀", 16), ""},
	}
	for _, c := range cases {
		token, err := zegotoken.Generate(appID, c.user, secret, 600, c.payload)
		if err != nil {
			t.Fatal(err)
		}
		claims, err := zegotoken.Decode(token, secret)
		if err != nil || claims.UserID != c.user || claims.Payload != c.payload || claims.Expire-claims.Ctime != 600 || claims.Mode != "gcm" {
			t.Fatalf("%+v %v", claims, err)
		}
	}
}

func TestGeneratorIsReusableAndClosesTwice(t *testing.T) {
	g, err := zegotoken.NewGenerator(appID, secret)
	if err != nil {
		t.Fatal(err)
	}
	token, err := g.Generate("u", 60, "")
	if err != nil {
		t.Fatal(err)
	}
	if claims, _ := zegotoken.Decode(token, secret); claims.AppID != appID {
		t.Fatal(claims)
	}
	g.Close()
	g.Close()
	if _, err := g.Generate("u", 60, ""); !errors.Is(err, zegotoken.ErrInvalidArgument) {
		t.Fatal(err)
	}
}

func TestVerifyChecksTimeAndAppID(t *testing.T) {
	token, _ := zegotoken.Generate(appID, "u", secret, 60, "")
	if _, err := zegotoken.Verify(token, secret, appID, zegotoken.VerifyOptions{}); err != nil {
		t.Fatal(err)
	}
	now := time.Now()
	cases := []struct {
		opts zegotoken.VerifyOptions
		app  uint32
		want error
	}{
		{zegotoken.VerifyOptions{Now: now.Add(2 * time.Minute)}, appID, zegotoken.ErrExpired},
		{zegotoken.VerifyOptions{Now: now.Add(65 * time.Second), Leeway: 30 * time.Second}, appID, nil},
		{zegotoken.VerifyOptions{Now: now.Add(-time.Hour)}, appID, zegotoken.ErrNotYetValid},
		{zegotoken.VerifyOptions{}, appID + 1, zegotoken.ErrAppIDMismatch},
		{zegotoken.VerifyOptions{Leeway: -time.Second}, appID, zegotoken.ErrInvalidArgument},
	}
	for i, c := range cases {
		if _, err := zegotoken.Verify(token, secret, c.app, c.opts); c.want == nil && err != nil || c.want != nil && !errors.Is(err, c.want) {
			t.Fatalf("case %d: got %v, want %v", i, err, c.want)
		}
	}
}

func TestBadInputGivesItsCode(t *testing.T) {
	cases := []struct {
		name    string
		app     uint32
		user    string
		secret  string
		ttl     int64
		payload string
		want    error
	}{
		{"app id 0", 0, "u", secret, 1, "", zegotoken.ErrInvalidAppID},
		{"empty user id", appID, "", secret, 1, "", zegotoken.ErrInvalidUserID},
		{"65-byte user id", appID, strings.Repeat("u", 65), secret, 1, "", zegotoken.ErrInvalidUserID},
		{"31-byte secret", appID, "u", secret[:31], 1, "", zegotoken.ErrInvalidSecret},
		{"33-byte secret", appID, "u", secret + "0", 1, "", zegotoken.ErrInvalidSecret},
		{"non-ASCII secret", appID, "u", strings.Repeat("é", 16), 1, "", zegotoken.ErrInvalidSecret},
		{"effective time 0", appID, "u", secret, 0, "", zegotoken.ErrInvalidEffectiveTime},
		{"negative effective time", appID, "u", secret, -1, "", zegotoken.ErrInvalidEffectiveTime},
		{"overflowing effective time", appID, "u", secret, 1<<63 - 1, "", zegotoken.ErrInvalidEffectiveTime},
		{"oversized payload", appID, "u", secret, 1, strings.Repeat("x", 70000), zegotoken.ErrPayloadTooLarge},
		{"NUL byte", appID, "a\x00b", secret, 1, "", zegotoken.ErrInvalidArgument},
		{"invalid UTF-8", appID, "\xff", secret, 1, "", zegotoken.ErrInvalidUTF8},
	}
	for _, c := range cases {
		token, err := zegotoken.Generate(c.app, c.user, c.secret, c.ttl, c.payload)
		if token != "" || !errors.Is(err, c.want) {
			t.Errorf("%s: got %q, %v; want %v", c.name, token, err, c.want)
		}
		var zerr *zegotoken.Error
		if !errors.As(err, &zerr) || zerr.Code != c.want.(*zegotoken.Error).Code {
			t.Errorf("%s: not an *Error with code %d: %v", c.name, c.want.(*zegotoken.Error).Code, err)
		}
	}
	if _, err := zegotoken.NewGenerator(0, secret); !errors.Is(err, zegotoken.ErrInvalidAppID) {
		t.Error(err)
	}
	if _, err := (zegotoken.RtcRoomPayload{RoomID: ""}).JSON(); !errors.Is(err, zegotoken.ErrInvalidRoomID) {
		t.Error(err)
	}
	if _, err := (zegotoken.RtcRoomPayload{RoomID: "r", StreamIDs: []string{strings.Repeat("s", 257)}}).JSON(); !errors.Is(err, zegotoken.ErrInvalidStreamID) {
		t.Error(err)
	}
	token, _ := zegotoken.Generate(appID, "u", secret, 60, "")
	tampered := token[:40] + map[bool]string{true: "B", false: "A"}[token[40] == 'A'] + token[41:]
	for bad, want := range map[string]error{"": zegotoken.ErrMalformed, token[:30]: zegotoken.ErrMalformed, "03" + token[2:]: zegotoken.ErrUnsupportedVersion, tampered: zegotoken.ErrAuthFailed} {
		if _, err := zegotoken.Decode(bad, secret); !errors.Is(err, want) {
			t.Errorf("%q: got %v, want %v", bad, err, want)
		}
	}
	if _, err := zegotoken.Decode(token, "fedcba9876543210fedcba9876543210"); !errors.Is(err, zegotoken.ErrAuthFailed) {
		t.Error(err)
	}
}

func gcmNonce(t *testing.T, token string) string {
	raw, err := base64.StdEncoding.DecodeString(token[2:])
	if err != nil {
		t.Fatal(err)
	}
	return string(raw[10:22])
}

func TestConcurrentGoroutinesMakeValidTokensWithDistinctNonces(t *testing.T) {
	g, err := zegotoken.NewGenerator(appID, secret)
	if err != nil {
		t.Fatal(err)
	}
	defer g.Close()
	const workers, each = 8, 2000
	tokens := make([][]string, workers)
	var wg sync.WaitGroup
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func(w int) {
			defer wg.Done()
			for i := 0; i < each; i++ {
				var token string
				var err error
				if i%2 == 0 {
					token, err = g.Generate("u", 60, "")
				} else {
					token, err = zegotoken.Generate(appID, "u", secret, 60, "")
				}
				if err != nil {
					t.Error(err)
					return
				}
				tokens[w] = append(tokens[w], token)
			}
		}(w)
	}
	wg.Wait()
	seen := map[string]bool{}
	for _, list := range tokens {
		for _, token := range list {
			n := gcmNonce(t, token)
			if seen[n] {
				t.Fatal("repeated nonce")
			}
			seen[n] = true
			if _, err := zegotoken.Decode(token, secret); err != nil {
				t.Fatal(err)
			}
		}
	}
	if len(seen) != workers*each {
		t.Fatalf("%d tokens", len(seen))
	}
}

func rssKiB(t *testing.T) int {
	status, err := os.ReadFile("/proc/self/status")
	if err != nil {
		t.Skip("no /proc")
	}
	for _, line := range strings.Split(string(status), "\n") {
		if strings.HasPrefix(line, "VmRSS:") {
			n, _ := strconv.Atoi(strings.Fields(line)[1])
			return n
		}
	}
	t.Fatal("no VmRSS")
	return 0
}

func TestAMillionCallsMixingSuccessAndFailureKeepMemoryFlat(t *testing.T) {
	if testing.Short() {
		t.Skip("long")
	}
	g, _ := zegotoken.NewGenerator(appID, secret)
	defer g.Close()
	token, _ := g.Generate("u", 3600, "")
	round := func(n int) {
		for i := 0; i < n; i++ {
			switch i % 4 {
			case 0:
				g.Generate("u", 3600, "")
			case 1:
				zegotoken.Decode(token, secret)
			case 2:
				zegotoken.Decode(token, "fedcba9876543210fedcba9876543210")
			default:
				g.Generate("", 3600, "")
			}
		}
	}
	round(100_000)
	runtime.GC()
	before := rssKiB(t)
	round(1_000_000)
	runtime.GC()
	if growth := rssKiB(t) - before; growth > 8*1024 {
		t.Fatalf("resident memory grew by %d KiB", growth)
	}
}

func TestDropInHasTheOfficialSignatureAndCodes(t *testing.T) {
	var generate func(uint32, string, string, int64, string) (string, error) = token04.GenerateToken04
	token, err := generate(appID, "demo", secret, 3600, "")
	if err != nil || !strings.HasPrefix(token, "04") {
		t.Fatal(token, err)
	}
	for code, args := range map[int][]any{
		1: {uint32(0), "demo", secret, int64(3600)},
		3: {appID, "", secret, int64(3600)},
		5: {appID, "demo", "short", int64(3600)},
		6: {appID, "demo", secret, int64(0)},
	} {
		token, err := token04.GenerateToken04(args[0].(uint32), args[1].(string), args[2].(string), args[3].(int64), "")
		var zerr *zegotoken.Error
		if token != "" || !errors.As(err, &zerr) || zerr.Code != code {
			t.Errorf("code %d: got %q, %v", code, token, err)
		}
	}
	if token04.PrivilegeKeyLogin != 1 || token04.PrivilegeKeyPublish != 2 || token04.PrivilegeEnable != 1 || token04.PrivilegeDisable != 0 {
		t.Fatal("privilege constants")
	}
}

// The official package's error for each code it checks: type, Code, Message and Error() text.
func TestDropInErrorsAreTheOfficialZegoSDKError(t *testing.T) {
	for code, c := range map[int]struct {
		args    []any
		message string
	}{
		1: {[]any{uint32(0), "demo", secret, int64(3600)}, "appId Invalid"},
		3: {[]any{appID, "", secret, int64(3600)}, "userId Invalid"},
		5: {[]any{appID, "demo", "short", int64(3600)}, "secret Invalid"},
		6: {[]any{appID, "demo", secret, int64(0)}, "effectiveTimeInSeconds Invalid"},
	} {
		_, err := token04.GenerateToken04(c.args[0].(uint32), c.args[1].(string), c.args[2].(string), c.args[3].(int64), "")
		sdkErr, ok := err.(*zegoerrors.ZegoSDKError) // the type assertion official callers write
		if !ok {
			t.Fatalf("code %d: %T is not *errors.ZegoSDKError", code, err)
		}
		if sdkErr.Code != "SDK.InvalidParam" || sdkErr.Message != c.message {
			t.Errorf("code %d: got %+v", code, sdkErr)
		}
		if want := "[ZegoSDKError] Code=SDK.InvalidParam, Message=" + c.message; err.Error() != want || sdkErr.GetMessage() != c.message {
			t.Errorf("code %d: Error() %q", code, err.Error())
		}
	}
	_, err := token04.GenerateToken04(appID, "", secret, 3600, "")
	if !errors.Is(err, zegotoken.ErrInvalidUserID) {
		t.Errorf("errors.Is with the idiomatic sentinel: %v", err)
	}
	_, err = token04.GenerateToken04(appID, "demo", secret, 3600, strings.Repeat("x", 70000))
	var sdkErr *zegoerrors.ZegoSDKError
	if !errors.As(err, &sdkErr) || sdkErr.Code != zegoerrors.InvalidParamErrorCode || !errors.Is(err, zegotoken.ErrPayloadTooLarge) {
		t.Errorf("oversized payload: %v", err)
	}
	if made := zegoerrors.NewZegoSDKError("SDK.ClientError", "m"); made.Error() != "[ZegoSDKError] Code=SDK.ClientError, Message=m" {
		t.Errorf("NewZegoSDKError: %v", made)
	}
}

func TestLibraryVersionIsReported(t *testing.T) {
	if zegotoken.LibraryVersion() == "" || zegotoken.ABIVersion != 1 {
		t.Fatal(zegotoken.LibraryVersion())
	}
}
