using System;
using System.Globalization;
using System.Text;

namespace ZegoToken
{
    /// <summary>What a token says. Immutable. <see cref="Mode"/> is "gcm" (current format) or "cbc" (legacy).</summary>
    public sealed class Claims : IEquatable<Claims>
    {
        internal Claims(uint appId, string userId, long ctime, long expire, long nonce, string payload, string mode)
        {
            AppId = appId;
            UserId = userId;
            Ctime = ctime;
            Expire = expire;
            Nonce = nonce;
            Payload = payload;
            Mode = mode;
        }

        /// <summary>The app id the token was made for.</summary>
        public uint AppId { get; }
        /// <summary>The user the token was made for.</summary>
        public string UserId { get; }
        /// <summary>When the token was made, unix seconds.</summary>
        public long Ctime { get; }
        /// <summary>When the token expires, unix seconds.</summary>
        public long Expire { get; }
        /// <summary>The random number of the plaintext.</summary>
        public long Nonce { get; }
        /// <summary>The payload text ("" for a basic token).</summary>
        public string Payload { get; }
        /// <summary>"gcm" or "cbc".</summary>
        public string Mode { get; }

        /// <inheritdoc />
        public bool Equals(Claims other) =>
            !ReferenceEquals(other, null) && AppId == other.AppId && UserId == other.UserId && Ctime == other.Ctime
            && Expire == other.Expire && Nonce == other.Nonce && Payload == other.Payload && Mode == other.Mode;

        /// <inheritdoc />
        public override bool Equals(object obj) => Equals(obj as Claims);

        /// <inheritdoc />
        public override int GetHashCode() => (UserId.GetHashCode() * 31 + Ctime.GetHashCode()) * 31 + Nonce.GetHashCode();

        /// <inheritdoc />
        public override string ToString() =>
            $"Claims {{ AppId = {AppId}, UserId = {UserId}, Ctime = {Ctime}, Expire = {Expire}, Nonce = {Nonce}, Payload = {Payload}, Mode = {Mode} }}";

        /// <summary>Reads the library's claims JSON: one flat object of strings and integers
        /// (netstandard2.0 has no JSON parser of its own).</summary>
        internal static Claims FromJson(string json) => new Reader(json).Read();

        private sealed class Reader
        {
            private readonly string _s;
            private int _i;

            public Reader(string s) { _s = s; }

            public Claims Read()
            {
                long appId = 0, ctime = 0, expire = 0, nonce = 0;
                string userId = "", payload = "", mode = "";
                Expect('{');
                while (true)
                {
                    string key = String();
                    Expect(':');
                    switch (key)
                    {
                        case "app_id": appId = Integer(); break;
                        case "user_id": userId = String(); break;
                        case "ctime": ctime = Integer(); break;
                        case "expire": expire = Integer(); break;
                        case "nonce": nonce = Integer(); break;
                        case "payload": payload = String(); break;
                        case "mode": mode = String(); break;
                        default: throw Fail();
                    }
                    if (Peek() == ',') { _i++; continue; }
                    Expect('}');
                    return new Claims((uint)appId, userId, ctime, expire, nonce, payload, mode);
                }
            }

            private static Exception Fail() => new ZegoTokenException(41, "unreadable claims from the library");
            private char Peek() => _i < _s.Length ? _s[_i] : '\0';

            private void Expect(char c)
            {
                if (Peek() != c) throw Fail();
                _i++;
            }

            private long Integer()
            {
                int start = _i;
                if (Peek() == '-') _i++;
                while (Peek() >= '0' && Peek() <= '9') _i++;
                return long.Parse(_s.Substring(start, _i - start), CultureInfo.InvariantCulture);
            }

            private string String()
            {
                Expect('"');
                var b = new StringBuilder();
                while (true)
                {
                    if (_i >= _s.Length) throw Fail();
                    char c = _s[_i++];
                    if (c == '"') return b.ToString();
                    if (c != '\\') { b.Append(c); continue; }
                    char e = _s[_i++];
                    switch (e)
                    {
                        case '"': b.Append('"'); break;
                        case '\\': b.Append('\\'); break;
                        case '/': b.Append('/'); break;
                        case 'b': b.Append('\b'); break;
                        case 'f': b.Append('\f'); break;
                        case 'n': b.Append('\n'); break;
                        case 'r': b.Append('\r'); break;
                        case 't': b.Append('\t'); break;
                        case 'u':
                            b.Append((char)int.Parse(_s.Substring(_i, 4), NumberStyles.HexNumber, CultureInfo.InvariantCulture));
                            _i += 4;
                            break;
                        default: throw Fail();
                    }
                }
            }
        }
    }
}
