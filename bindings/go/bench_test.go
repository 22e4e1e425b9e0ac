package zegotoken_test

import (
	"testing"

	"github.com/zego-token/zegotoken"
)

// go test -bench . -benchtime 2s -run '^$'

func BenchmarkGenerateOneShot(b *testing.B) {
	for i := 0; i < b.N; i++ {
		if _, err := zegotoken.Generate(appID, "user_123456", secret, 3600, ""); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkGeneratorReusable(b *testing.B) {
	g, _ := zegotoken.NewGenerator(appID, secret)
	defer g.Close()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := g.Generate("user_123456", 3600, ""); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkDecode(b *testing.B) {
	token, _ := zegotoken.Generate(appID, "user_123456", secret, 3600, "")
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := zegotoken.Decode(token, secret); err != nil {
			b.Fatal(err)
		}
	}
}
