package im.zego.token;

import com.sun.jna.StringArray;
import com.sun.jna.ptr.PointerByReference;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The privilege payload of an RTC room token. {@link #toJson()} is exactly the official plug-in's JSON:
 * {@code {"room_id":"room1","privilege":{"1":1,"2":0},"stream_id_list":null}}.
 *
 * <pre>{@code
 * String payload = RtcRoomPayload.builder("room1").canLogin(true).canPublish(false).build().toJson();
 * }</pre>
 */
public final class RtcRoomPayload {
    private final String roomId;
    private final boolean canLogin;
    private final boolean canPublish;
    private final List<String> streamIds; // null: "stream_id_list":null

    private RtcRoomPayload(Builder b) {
        this.roomId = b.roomId;
        this.canLogin = b.canLogin;
        this.canPublish = b.canPublish;
        this.streamIds = b.streamIds == null ? null : Collections.unmodifiableList(new ArrayList<>(b.streamIds));
    }

    /** A builder for the room; by default the user may log in and may not publish. */
    public static Builder builder(String roomId) {
        return new Builder(roomId);
    }

    public String getRoomId() { return roomId; }
    public boolean canLogin() { return canLogin; }
    public boolean canPublish() { return canPublish; }
    /** The stream ids the user may publish, or null when not restricted. */
    public List<String> getStreamIds() { return streamIds; }

    /** The payload JSON, validated by the library (InvalidRoomId, InvalidStreamId). */
    public String toJson() {
        StringArray ids = null;
        if (streamIds != null) {
            String[] texts = new String[streamIds.size()];
            for (int i = 0; i < texts.length; i++) texts[i] = Native.checkedText(streamIds.get(i), "stream id");
            // NUL-terminated UTF-8 strings and a NULL-terminated array of them, so an empty list is
            // still a non-NULL array ("[]" rather than null).
            ids = new StringArray(texts, "UTF-8");
        }
        PointerByReference out = Native.out();
        Native.check(Native.Lib.zego_rtc_room_payload(Native.text(roomId, "roomId"), canLogin ? 1 : 0, canPublish ? 1 : 0,
                ids, streamIds == null ? 0 : streamIds.size(), out));
        return Native.take(out);
    }

    @Override
    public String toString() {
        return toJson();
    }

    /** Builds an {@link RtcRoomPayload}. */
    public static final class Builder {
        private final String roomId;
        private boolean canLogin = true;
        private boolean canPublish = false;
        private List<String> streamIds;

        private Builder(String roomId) { this.roomId = roomId; }

        public Builder canLogin(boolean allowed) { this.canLogin = allowed; return this; }
        public Builder canPublish(boolean allowed) { this.canPublish = allowed; return this; }
        /** Restricts publishing to these stream ids (an empty list is written as []). */
        public Builder streamIds(List<String> ids) { this.streamIds = ids; return this; }
        public RtcRoomPayload build() { return new RtcRoomPayload(this); }
    }
}
