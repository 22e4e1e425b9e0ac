using System;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.InteropServices;

using System.Runtime.CompilerServices;

namespace ZegoToken
{
    /// <summary>
    /// The privilege payload of an RTC room token. <see cref="ToJson"/> is exactly the official
    /// plug-in's JSON: {"room_id":"room1","privilege":{"1":1,"2":0},"stream_id_list":null}.
    /// </summary>
    public sealed class RtcRoomPayload
    {
        private readonly string[] _streamIds;
        private readonly bool _restricted;

        /// <summary>A payload without a stream restriction ("stream_id_list":null).</summary>
        public RtcRoomPayload(string roomId, bool canLogin = true, bool canPublish = false)
        {
            RoomId = roomId;
            CanLogin = canLogin;
            CanPublish = canPublish;
            _streamIds = new string[0];
        }

        /// <summary>A payload that lets the user publish only these streams (an empty list is written as []).</summary>
        public RtcRoomPayload(string roomId, bool canLogin, bool canPublish, IEnumerable<string> streamIds)
            : this(roomId, canLogin, canPublish)
        {
            _streamIds = streamIds.ToArray();
            _restricted = true;
        }

        /// <summary>The room id.</summary>
        public string RoomId { get; }
        /// <summary>Whether the user may log in (privilege key 1).</summary>
        public bool CanLogin { get; }
        /// <summary>Whether the user may publish streams (privilege key 2).</summary>
        public bool CanPublish { get; }
        /// <summary>Whether publishing is restricted to <see cref="StreamIds"/>.</summary>
        public bool HasStreamIds => _restricted;
        /// <summary>The streams the user may publish, when restricted.</summary>
        public IReadOnlyList<string> StreamIds => _streamIds;

        /// <summary>The payload JSON, validated by the library.</summary>
        public string ToJson()
        {
            NativeMethods.EnsureLoaded();
            return ToJsonLoaded();
        }

        // The library is called from a method of its own, compiled after EnsureLoaded ran (Mono
        // resolves a method's P/Invokes when it compiles it).
        [MethodImpl(MethodImplOptions.NoInlining)]
        private string ToJsonLoaded()
        {
            byte[] room = NativeMethods.Utf8(RoomId, "roomId");
            var ids = _streamIds.Select(id => GCHandle.Alloc(NativeMethods.Utf8(id, "stream id"), GCHandleType.Pinned)).ToList();
            var array = ids.Select(h => h.AddrOfPinnedObject()).ToArray();
            // One extra slot so that an empty list still has a non-NULL array ([] rather than null).
            var pinnedArray = GCHandle.Alloc(array.Length == 0 ? new IntPtr[1] : array, GCHandleType.Pinned);
            try
            {
                IntPtr pointer = _restricted ? pinnedArray.AddrOfPinnedObject() : IntPtr.Zero;
                NativeMethods.Check(NativeMethods.zego_rtc_room_payload(room, CanLogin ? 1 : 0, CanPublish ? 1 : 0, pointer,
                    (UIntPtr)(uint)array.Length, out IntPtr json));
                return NativeMethods.Take(json);
            }
            finally
            {
                pinnedArray.Free();
                foreach (var h in ids) h.Free();
            }
        }

        /// <inheritdoc />
        public override string ToString() => ToJson();
    }
}
