package zegotoken_test

import (
	"bufio"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/zego-token/zegotoken"
)

func readVectors(t *testing.T, name string) []map[string]any {
	t.Helper()
	f, err := os.Open(filepath.Join("..", "..", "tests", "vectors", name))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var rows []map[string]any
	scanner := bufio.NewScanner(f)
	scanner.Buffer(make([]byte, 1<<20), 1<<20)
	for scanner.Scan() {
		var row map[string]any
		if err := json.Unmarshal(scanner.Bytes(), &row); err != nil {
			t.Fatal(err)
		}
		rows = append(rows, row)
	}
	return rows
}

func TestEveryOfficialTokenDecodesToItsRecordedClaims(t *testing.T) {
	rows := readVectors(t, "official-tokens.jsonl")
	if len(rows) != 576 {
		t.Fatalf("%d rows", len(rows))
	}
	for _, row := range rows {
		claims, err := zegotoken.Decode(row["token"].(string), row["secret"].(string))
		if err != nil {
			t.Fatalf("%s: %v", row["generator"], err)
		}
		want := row["claims"].(map[string]any)
		got := []any{float64(claims.AppID), claims.UserID, float64(claims.Ctime), float64(claims.Expire), float64(claims.Nonce), claims.Payload, claims.Mode}
		expected := []any{want["app_id"], want["user_id"], want["ctime"], want["expire"], want["nonce"], want["payload"], row["format"]}
		for i := range got {
			if got[i] != expected[i] {
				t.Fatalf("%s: field %d: got %v, want %v", row["generator"], i, got[i], expected[i])
			}
		}
	}
}

var categories = map[string]error{
	"ok":                  nil,
	"malformed":           zegotoken.ErrMalformed,
	"unsupported_version": zegotoken.ErrUnsupportedVersion,
	"unsupported_mode":    zegotoken.ErrUnsupportedMode,
	"auth_failed":         zegotoken.ErrAuthFailed,
	"bad_plaintext":       zegotoken.ErrBadPlaintext,
	"expired":             zegotoken.ErrExpired,
	"not_yet_valid":       zegotoken.ErrNotYetValid,
	"app_id_mismatch":     zegotoken.ErrAppIDMismatch,
}

func TestEveryInvalidTokenGivesItsCategory(t *testing.T) {
	for _, row := range readVectors(t, "invalid-tokens.jsonl") {
		row := row
		t.Run(row["name"].(string), func(t *testing.T) {
			var err error
			if row["check"] == "decode" {
				_, err = zegotoken.Decode(row["token"].(string), row["secret"].(string))
			} else {
				opts := zegotoken.VerifyOptions{
					Now:    time.Unix(int64(row["now"].(float64)), 0),
					Leeway: time.Duration(row["leeway_seconds"].(float64)) * time.Second,
				}
				_, err = zegotoken.Verify(row["token"].(string), row["secret"].(string), uint32(row["app_id"].(float64)), opts)
			}
			want := categories[row["expect"].(string)]
			if want == nil && err != nil || want != nil && !errors.Is(err, want) {
				t.Fatalf("got %v, want %v", err, want)
			}
		})
	}
}

func TestPrivilegePayloadMatchesTheOfficialJSONByteForByte(t *testing.T) {
	official := map[string]bool{}
	for _, row := range readVectors(t, "official-tokens.jsonl") {
		official[row["claims"].(map[string]any)["payload"].(string)] = true
	}
	for _, p := range []zegotoken.RtcRoomPayload{
		{RoomID: "room1", CanLogin: true},
		{RoomID: "room1", CanLogin: true, StreamIDs: []string{}},
	} {
		text, err := p.JSON()
		if err != nil || !official[text] {
			t.Fatalf("%q (%v) is not an official payload", text, err)
		}
	}
}

// officialCBC is an official legacy CBC token, its secret, app id and ctime.
func officialCBC(t *testing.T) (token, secret string, appID uint32, ctime time.Time) {
	t.Helper()
	for _, row := range readVectors(t, "official-tokens.jsonl") {
		if row["format"] == "cbc" {
			claims := row["claims"].(map[string]any)
			return row["token"].(string), row["secret"].(string), uint32(claims["app_id"].(float64)),
				time.Unix(int64(claims["ctime"].(float64)), 0)
		}
	}
	t.Fatal("no cbc token in the vectors")
	return
}

func TestVerifyReportsALegacyTokenAndAcceptsItByDefault(t *testing.T) {
	token, secret, appID, ctime := officialCBC(t)
	claims, err := zegotoken.Verify(token, secret, appID, zegotoken.VerifyOptions{Now: ctime})
	if err != nil || claims.Mode != "cbc" {
		t.Fatalf("%+v %v", claims, err)
	}
}

func TestVerifyRequireGCMRefusesALegacyToken(t *testing.T) {
	token, secret, appID, ctime := officialCBC(t)
	_, err := zegotoken.Verify(token, secret, appID, zegotoken.VerifyOptions{Now: ctime, RequireGCM: true})
	if !errors.Is(err, zegotoken.ErrUnsupportedMode) {
		t.Fatalf("got %v", err)
	}
}

func TestVerifyRequireGCMAcceptsACurrentTokenWithEveryClaim(t *testing.T) {
	const secret = "0123456789abcdef0123456789abcdef"
	token, err := zegotoken.Generate(7, "用户", secret, 600, `{"a":1}`)
	if err != nil {
		t.Fatal(err)
	}
	claims, err := zegotoken.Verify(token, secret, 7, zegotoken.VerifyOptions{Leeway: 5 * time.Second, RequireGCM: true})
	decoded, _ := zegotoken.Decode(token, secret)
	if err != nil || claims != decoded || claims.Mode != "gcm" || claims.UserID != "用户" {
		t.Fatalf("%+v %v", claims, err)
	}
	if _, err := zegotoken.Verify(token, secret, 8, zegotoken.VerifyOptions{RequireGCM: true}); !errors.Is(err, zegotoken.ErrAppIDMismatch) {
		t.Fatalf("got %v", err)
	}
	if _, err := zegotoken.Verify(token, secret, 7, zegotoken.VerifyOptions{Leeway: -time.Second, RequireGCM: true}); !errors.Is(err, zegotoken.ErrInvalidArgument) {
		t.Fatalf("got %v", err)
	}
}

func TestVerifyWithAnyReturnsTheIndexOfTheMatchingSecret(t *testing.T) {
	const secret, other = "0123456789abcdef0123456789abcdef", "fedcba9876543210fedcba9876543210"
	token, _ := zegotoken.Generate(7, "u", secret, 60, "")
	claims, index, err := zegotoken.VerifyWithAny(token, []string{other, secret}, 7, zegotoken.VerifyOptions{})
	if err != nil || index != 1 || claims.UserID != "u" {
		t.Fatalf("%+v %d %v", claims, index, err)
	}
	if _, _, err := zegotoken.VerifyWithAny(token, []string{other}, 7, zegotoken.VerifyOptions{}); !errors.Is(err, zegotoken.ErrAuthFailed) {
		t.Fatalf("no match: %v", err)
	}
	if _, _, err := zegotoken.VerifyWithAny(token, nil, 7, zegotoken.VerifyOptions{}); !errors.Is(err, zegotoken.ErrInvalidArgument) {
		t.Fatalf("no secrets: %v", err)
	}
}

func TestVerifyChecksTheExpectedUserIDWithCode33(t *testing.T) {
	const secret = "0123456789abcdef0123456789abcdef"
	token, _ := zegotoken.Generate(7, "alice", secret, 60, "")
	if _, err := zegotoken.Verify(token, secret, 7, zegotoken.VerifyOptions{UserID: "alice"}); err != nil {
		t.Fatal(err)
	}
	_, err := zegotoken.Verify(token, secret, 7, zegotoken.VerifyOptions{UserID: "bob"})
	var zerr *zegotoken.Error
	if !errors.Is(err, zegotoken.ErrUserIDMismatch) || !errors.As(err, &zerr) || zerr.Code != 33 {
		t.Fatalf("got %v", err)
	}
}

func TestClaimsTimesAndTheGeneratorsDecodeAndVerify(t *testing.T) {
	const secret = "0123456789abcdef0123456789abcdef"
	g, err := zegotoken.NewGenerator(7, secret)
	if err != nil {
		t.Fatal(err)
	}
	token, _ := g.Generate("u", 600, "")
	claims, err := g.Decode(token)
	if err != nil || claims.ExpiresAt().Sub(claims.CreatedAt()) != 600*time.Second {
		t.Fatalf("%+v %v", claims, err)
	}
	if _, err := g.Verify(token, zegotoken.VerifyOptions{UserID: "u", RequireGCM: true, Leeway: 5 * time.Second}); err != nil {
		t.Fatal(err)
	}
	if _, err := g.Verify(token, zegotoken.VerifyOptions{Now: claims.ExpiresAt()}); !errors.Is(err, zegotoken.ErrExpired) {
		t.Fatalf("expired: %v", err)
	}
	other, _ := zegotoken.NewGenerator(8, secret)
	if _, err := other.Verify(token, zegotoken.VerifyOptions{}); !errors.Is(err, zegotoken.ErrAppIDMismatch) {
		t.Fatalf("other app: %v", err)
	}
	other.Close()
	g.Close()
	if _, err := g.Decode(token); !errors.Is(err, zegotoken.ErrInvalidArgument) {
		t.Fatalf("closed: %v", err)
	}
}

func TestEveryVerifyCaseGivesItsCodeAndSecretIndex(t *testing.T) {
	for _, row := range readVectors(t, "verify-cases.jsonl") {
		var secrets []string
		for _, s := range row["secrets"].([]any) {
			secrets = append(secrets, s.(string))
		}
		opts := zegotoken.VerifyOptions{
			Leeway:     time.Duration(row["leeway_seconds"].(float64)) * time.Second,
			RequireGCM: row["require_gcm"].(bool),
		}
		if now, ok := row["now"].(float64); ok { // a case without "now" checks at the system clock
			opts.Now = time.Unix(int64(now), 0)
		}
		if userID, ok := row["user_id"].(string); ok {
			opts.UserID = userID
		}
		_, index, err := zegotoken.VerifyWithAny(row["token"].(string), secrets, uint32(row["app_id"].(float64)), opts)
		code := 0
		var zerr *zegotoken.Error
		if errors.As(err, &zerr) {
			code = zerr.Code
		} else if err != nil {
			t.Fatalf("%s: %v", row["name"], err)
		}
		if code != int(row["expect_code"].(float64)) {
			t.Errorf("%s: code %d, want %v", row["name"], code, row["expect_code"])
		}
		if want, ok := row["secret_index"].(float64); ok && index != int(want) {
			t.Errorf("%s: index %d, want %v", row["name"], index, want)
		}
	}
}

func TestEveryTokenBreakingAGenerationRuleDecodesWithItsFindings(t *testing.T) {
	rows := readVectors(t, "finding-tokens.jsonl")
	if len(rows) != 6 {
		t.Fatalf("%d rows", len(rows))
	}
	for _, row := range rows {
		name, token, secret := row["name"].(string), row["token"].(string), row["secret"].(string)
		generator, err := zegotoken.NewGenerator(uint32(row["app_id"].(float64)), secret)
		if err != nil {
			t.Fatal(err)
		}
		fromGenerator, err2 := generator.Decode(token)
		generator.Close()
		claims, err := zegotoken.Decode(token, secret)
		if err != nil || err2 != nil {
			t.Fatalf("%s: %v %v", name, err, err2)
		}
		want := row["claims"].(map[string]any)
		wantFindings := fmt.Sprint(row["findings"])
		for _, c := range []zegotoken.Claims{claims, fromGenerator} {
			if c.UserID != want["user_id"] || float64(c.Nonce) != want["nonce"] || c.Mode != row["format"] {
				t.Fatalf("%s: %+v", name, c)
			}
			if fmt.Sprint(c.Findings.Names()) != wantFindings || !c.Findings.Has(row["findings"].([]any)[0].(string)) {
				t.Fatalf("%s: findings %v, want %v", name, c.Findings, wantFindings)
			}
		}
	}
}

func TestATokenBreakingAGenerationRuleVerifiesWhenCurrentAndIsBadPlaintextWhenLegacy(t *testing.T) {
	for _, row := range readVectors(t, "finding-tokens.jsonl") {
		now := time.Unix(int64(row["now"].(float64)), 0)
		_, err := zegotoken.Verify(row["token"].(string), row["secret"].(string), uint32(row["app_id"].(float64)), zegotoken.VerifyOptions{Now: now})
		code := 0
		var e *zegotoken.Error
		if errors.As(err, &e) {
			code = e.Code
		} else if err != nil {
			t.Fatal(err)
		}
		if float64(code) != row["verify_code"] {
			t.Fatalf("%s: code %d, want %v", row["name"], code, row["verify_code"])
		}
	}
}

func TestATokenWithinTheRulesHasNoFinding(t *testing.T) {
	row := readVectors(t, "official-tokens.jsonl")[0]
	claims, err := zegotoken.Decode(row["token"].(string), row["secret"].(string))
	if err != nil || claims.Findings != 0 || claims.Findings.Names() == nil || len(claims.Findings.Names()) != 0 {
		t.Fatalf("%+v %v", claims, err)
	}
	text, _ := json.Marshal(claims)
	if !strings.Contains(string(text), `"mode":"gcm","findings":[]}`) {
		t.Fatalf("%s", text)
	}
}

func TestClaimsTimesAreInUTCWhateverTheLocalZone(t *testing.T) {
	local := time.Local
	time.Local = time.FixedZone("UTC+8", 8*3600)
	defer func() { time.Local = local }()
	row := readVectors(t, "official-tokens.jsonl")[0]
	claims, err := zegotoken.Decode(row["token"].(string), row["secret"].(string))
	if err != nil {
		t.Fatal(err)
	}
	for _, at := range []time.Time{claims.CreatedAt(), claims.ExpiresAt()} {
		if at.Location() != time.UTC {
			t.Fatalf("%v is in %v, not UTC", at, at.Location())
		}
	}
	if claims.CreatedAt().Unix() != claims.Ctime || claims.ExpiresAt().Unix() != claims.Expire {
		t.Fatal("not the claims' instants")
	}
}

func TestOptionsAreOptionalAndAnExplicitTimeIsThatTime(t *testing.T) {
	secret := "0123456789abcdef0123456789abcdef"
	token, err := zegotoken.Generate(1, "u", secret, 3600, "")
	if err != nil {
		t.Fatal(err)
	}
	if c, err := zegotoken.Verify(token, secret, 1); err != nil || c.UserID != "u" {
		t.Fatalf("no options (the system clock): %+v %v", c, err)
	}
	if _, index, err := zegotoken.VerifyWithAny(token, []string{secret}, 1); err != nil || index != 0 {
		t.Fatalf("no options, with any: %d %v", index, err)
	}
	g, err := zegotoken.NewGenerator(1, secret)
	if err != nil {
		t.Fatal(err)
	}
	defer g.Close()
	if c, err := g.Verify(token); err != nil || c.UserID != "u" {
		t.Fatalf("the generator, no options: %+v %v", c, err)
	}
	// The epoch is a time like any other: a token made now is not yet valid then.
	if _, err := zegotoken.Verify(token, secret, 1, zegotoken.VerifyOptions{Now: time.Unix(0, 0)}); !errors.Is(err, zegotoken.ErrNotYetValid) {
		t.Fatalf("at the epoch: %v", err)
	}
	if _, err := zegotoken.Verify(token, secret, 1, zegotoken.VerifyOptions{}, zegotoken.VerifyOptions{}); !errors.Is(err, zegotoken.ErrInvalidArgument) {
		t.Fatalf("two options: %v", err)
	}
}
