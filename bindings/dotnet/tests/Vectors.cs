using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text;

namespace ZegoToken.Tests
{
    /// <summary>Reads tests/vectors/*.jsonl (objects, arrays, strings, integers, booleans; null reads as "").</summary>
    internal static class Vectors
    {
        internal static string Dir = Path.Combine("..", "..", "tests", "vectors");

        public static List<Dictionary<string, object>> Read(string name)
        {
            var rows = new List<Dictionary<string, object>>();
            foreach (var line in File.ReadAllText(Path.Combine(Dir, name), Encoding.UTF8).Split('\n'))
            {
                if (line.Trim().Length > 0) rows.Add(new Parser(line).Object());
            }
            return rows;
        }

        private sealed class Parser
        {
            private readonly string _s;
            private int _i;

            public Parser(string s) { _s = s; }

            public Dictionary<string, object> Object()
            {
                var o = new Dictionary<string, object>();
                Skip(); _i++;
                while (true)
                {
                    Skip();
                    if (_s[_i] == '}') { _i++; return o; }
                    string key = Str();
                    Skip(); _i++; Skip();
                    o[key] = Value();
                    Skip();
                    if (_s[_i] == ',') _i++;
                }
            }

            private object Value()
            {
                if (_s[_i] == '"') return Str();
                if (_s[_i] == '{') return Object();
                if (_s[_i] == '[') return Array();
                if (string.CompareOrdinal(_s, _i, "null", 0, 4) == 0) { _i += 4; return ""; }
                if (string.CompareOrdinal(_s, _i, "true", 0, 4) == 0) { _i += 4; return true; }
                if (string.CompareOrdinal(_s, _i, "false", 0, 5) == 0) { _i += 5; return false; }
                int start = _i;
                if (_s[_i] == '-') _i++;
                while (_i < _s.Length && char.IsDigit(_s[_i])) _i++;
                return long.Parse(_s.Substring(start, _i - start), CultureInfo.InvariantCulture);
            }

            private List<object> Array()
            {
                var a = new List<object>();
                _i++;
                while (true)
                {
                    Skip();
                    if (_s[_i] == ']') { _i++; return a; }
                    a.Add(Value());
                    Skip();
                    if (_s[_i] == ',') _i++;
                }
            }

            private string Str()
            {
                var b = new StringBuilder();
                _i++;
                while (true)
                {
                    char c = _s[_i++];
                    if (c == '"') return b.ToString();
                    if (c != '\\') { b.Append(c); continue; }
                    char e = _s[_i++];
                    switch (e)
                    {
                        case 'n': b.Append('\n'); break;
                        case 't': b.Append('\t'); break;
                        case 'r': b.Append('\r'); break;
                        case 'b': b.Append('\b'); break;
                        case 'f': b.Append('\f'); break;
                        case 'u': b.Append((char)int.Parse(_s.Substring(_i, 4), NumberStyles.HexNumber)); _i += 4; break;
                        default: b.Append(e); break;
                    }
                }
            }

            private void Skip()
            {
                while (_i < _s.Length && char.IsWhiteSpace(_s[_i])) _i++;
            }
        }
    }
}
