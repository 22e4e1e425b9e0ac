using ZegoToken;

namespace ZegoServerAssistant
{
    /// <summary>The official error codes; zego-token's other codes (7, 10, ...) are reported the same way.</summary>
    public enum ErrorCode
    {
        /// <summary>Success.</summary>
        success = 0,
        /// <summary>appID invalid.</summary>
        appIDInvalid = 1,
        /// <summary>userID invalid.</summary>
        userIDInvalid = 3,
        /// <summary>secret must be a 32 byte string.</summary>
        secretInvalid = 5,
        /// <summary>effectiveTimeInSeconds invalid.</summary>
        effectiveTimeInSecondsInvalid = 6
    }

    /// <summary>The official error info.</summary>
    public class ErrorInfo
    {
        /// <summary>0 on success.</summary>
        public ErrorCode errorCode;
        /// <summary>"success", or what went wrong.</summary>
        public string errorMessage = "";
    }

    /// <summary>The official result.</summary>
    public class GenerateTokenResult
    {
        /// <summary>The token ("" on error).</summary>
        public string token = "";
        /// <summary>The error info.</summary>
        public ErrorInfo errorInfo = new ErrorInfo();
    }

    /// <summary>
    /// Drop-in for the official zego_server_assistant .NET class: same namespace, class, method and
    /// result. Invalid input never throws: it is reported in errorInfo. Backed by zego-token.
    /// </summary>
    public static class ServerAssistant
    {
        /// <summary>
        /// The earlier official overload without a payload (a basic token): the same as passing "".
        /// </summary>
        public static GenerateTokenResult GenerateToken04(uint appID, string userID, string secret, long effectiveTimeInSeconds)
        {
            return GenerateToken04(appID, userID, secret, effectiveTimeInSeconds, "");
        }

        /// <summary>Same parameters and result as the official method.</summary>
        public static GenerateTokenResult GenerateToken04(uint appID, string userID, string secret, long effectiveTimeInSeconds, string payload)
        {
            var result = new GenerateTokenResult();
            result.errorInfo.errorCode = ErrorCode.success;
            result.errorInfo.errorMessage = "success";
            // The official method reports null arguments with its own codes.
            if ((object)userID == null) return Failed(result, ErrorCode.userIDInvalid, "userID invalid");
            if ((object)secret == null) return Failed(result, ErrorCode.secretInvalid, "secret must be a 32 byte string");
            try
            {
                result.token = Token04.Generate(appID, userID, secret, effectiveTimeInSeconds, payload ?? "");
            }
            catch (ZegoTokenException e)
            {
                Failed(result, (ErrorCode)e.Code, OfficialMessage((ErrorCode)e.Code) ?? e.Message);
            }
            return result;
        }

        /// <summary>The official method's errorMessage for its own codes; null for the others.</summary>
        private static string OfficialMessage(ErrorCode code)
        {
            switch (code)
            {
                case ErrorCode.appIDInvalid: return "appID invalid";
                case ErrorCode.userIDInvalid: return "userID invalid";
                case ErrorCode.secretInvalid: return "secret must be a 32 byte string";
                case ErrorCode.effectiveTimeInSecondsInvalid: return "effectiveTimeInSeconds invalid";
                default: return null;
            }
        }

        private static GenerateTokenResult Failed(GenerateTokenResult result, ErrorCode code, string message)
        {
            result.errorInfo.errorCode = code;
            result.errorInfo.errorMessage = message;
            return result;
        }
    }
}
