module github.com/zego-token/zegotoken

go 1.19
