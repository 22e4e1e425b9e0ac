module github.com/zego-token/zego-token/bindings/go

go 1.19
