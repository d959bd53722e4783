#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using OvmsOta.Push;

namespace OvmsOta.Tests.Portable.Push
{
    /// <summary>The push endpoint over a stream: what it accepts, what it refuses, and that refusals write nothing.</summary>
    [TestClass]
    public class PushEndpointTests
    {
        const string Secret = "s3cret-push";
        const int Capacity = 64 * 1024;

        static PushConnection Send(PushRequest request, RecordingPushTarget target, int chunkSize)
        {
            PushConnection connection = new PushConnection(request.Bytes(), chunkSize);
            new PushEndpoint(target, Secret, new byte[1024]).Handle(connection);
            return connection;
        }

        [TestMethod]
        [DataRow(1)]
        [DataRow(7)]
        [DataRow(73)]
        [DataRow(1000)]
        [DataRow(100000)]
        public void AFilePushedWithTheSecretArrivesWholeAndIsActivated(int chunkSize)
        {
            byte[] image = PushRequest.TrickyImage(20000);
            RecordingPushTarget target = new RecordingPushTarget(Capacity);
            PushRequest request = new PushRequest().Field("commit_timeout", "300").File(image).Close();

            PushConnection connection = Send(request, target, chunkSize);

            Assert.AreEqual(200, connection.Status, connection.ResponseText);
            Assert.AreEqual("OTA flash was successful\n  Flashed 20000 bytes\n  Next boot will be from 'ota_1'\n", connection.Body);
            Assert.AreEqual(image.Length, target.BegunWith);
            CollectionAssert.AreEqual(image, target.Written);
            Assert.IsTrue(target.Ended);
            Assert.AreEqual(300, target.CommitTimeout);
        }

        [TestMethod]
        public void ThePreambleAndAFileNotLastWorkWithTheSizeParameter()
        {
            byte[] image = PushRequest.TrickyImage(5000);
            RecordingPushTarget target = new RecordingPushTarget(Capacity);
            PushRequest request = new PushRequest();
            request.Target = "/update?size=5000";
            request.Raw(System.Text.Encoding.UTF8.GetBytes("preamble text\r\n")).File(image).Field("commit_timeout", "60").Close();

            PushConnection connection = Send(request, target, 333);

            Assert.AreEqual(200, connection.Status, connection.ResponseText);
            CollectionAssert.AreEqual(image, target.Written);
            Assert.AreEqual(60, target.CommitTimeout);
        }

        [TestMethod]
        public void AFileNotLastWithoutASizeIsRefusedAndAborted()
        {
            RecordingPushTarget target = new RecordingPushTarget(Capacity);
            PushRequest request = new PushRequest().File(PushRequest.TrickyImage(5000)).Field("commit_timeout", "60").Close();

            PushConnection connection = Send(request, target, 512);

            Assert.AreEqual(400, connection.Status);
            Expect.Contains("put the file part last or pass ?size=<bytes>", connection.Body);
            Assert.IsTrue(target.Aborted);
            Assert.IsFalse(target.Ended);
        }

        [TestMethod]
        [DataRow("", 401)]
        [DataRow("s3cret-pusH", 401)]
        [DataRow("s3cret-push-and-more", 401)]
        [DataRow("s3cret", 401)]
        public void AWrongSecretIsRefusedBeforeTheBody(string secret, int status)
        {
            AssertRefusedBeforeTheBody(secret, status);
        }

        /// <summary>No Authorization header at all (a null DataRow argument would crash nanoFramework's metadata processor).</summary>
        [TestMethod]
        public void AMissingSecretIsRefusedBeforeTheBody()
        {
            AssertRefusedBeforeTheBody(null, 401);
        }

        static void AssertRefusedBeforeTheBody(string secret, int status)
        {
            RecordingPushTarget target = new RecordingPushTarget(Capacity);
            PushRequest request = new PushRequest().File(PushRequest.TrickyImage(5000)).Close();
            request.Secret = secret;

            PushConnection connection = Send(request, target, 512);

            Assert.AreEqual(status, connection.Status);
            Expect.Contains("Authorization: Bearer <secret>", connection.Body);
            Assert.AreEqual(-1, target.BegunWith);
            Assert.AreEqual(0, target.Written.Length);
        }

        [TestMethod]
        public void WithNoSecretConfiguredPushIsDisabled()
        {
            RecordingPushTarget target = new RecordingPushTarget(Capacity);
            PushConnection connection = new PushConnection(new PushRequest().File(PushRequest.TrickyImage(100)).Close().Bytes(), 512);

            new PushEndpoint(target, null).Handle(connection);

            Assert.AreEqual(403, connection.Status);
            Expect.Contains("push updates are disabled", connection.Body);
            Assert.AreEqual(-1, target.BegunWith);
        }

        [TestMethod]
        [DataRow("GET", "/update", 405)]
        [DataRow("POST", "/upload", 404)]
        [DataRow("POST", "/", 404)]
        public void OnlyPostToUpdateIsServed(string method, string path, int status)
        {
            RecordingPushTarget target = new RecordingPushTarget(Capacity);
            PushRequest request = new PushRequest().File(PushRequest.TrickyImage(100)).Close();
            request.Method = method;
            request.Target = path;

            Assert.AreEqual(status, Send(request, target, 512).Status);
            Assert.AreEqual(-1, target.BegunWith);
        }

        [TestMethod]
        public void ABodyWithoutContentLengthIsRefused()
        {
            RecordingPushTarget target = new RecordingPushTarget(Capacity);
            PushRequest request = new PushRequest().File(PushRequest.TrickyImage(100)).Close();
            request.OmitLength = true;
            request.ExtraHeaders = "Transfer-Encoding: chunked\r\n";

            Assert.AreEqual(411, Send(request, target, 512).Status);
            Assert.AreEqual(-1, target.BegunWith);
        }

        [TestMethod]
        public void ABodyLargerThanTheSlotIsRefusedUnread()
        {
            RecordingPushTarget target = new RecordingPushTarget(Capacity);
            PushRequest request = new PushRequest().File(PushRequest.TrickyImage(100)).Close();
            request.ContentLength = Capacity + PushEndpoint.MaxFormOverhead + 1;

            PushConnection connection = Send(request, target, 512);

            Assert.AreEqual(413, connection.Status);
            Assert.AreEqual(-1, target.BegunWith);
            Assert.IsTrue(connection.BytesRead <= 1024, "read " + connection.BytesRead.ToString() + " bytes of a refused body");
        }

        [TestMethod]
        public void AnImageLargerThanTheSlotIsRefusedBeforeFlashing()
        {
            RecordingPushTarget target = new RecordingPushTarget(4000);
            PushConnection connection = Send(new PushRequest().File(PushRequest.TrickyImage(5000)).Close(), target, 512);

            Assert.AreEqual(413, connection.Status);
            Assert.AreEqual(-1, target.BegunWith);
        }

        [TestMethod]
        [DataRow("this is not a multipart body at all, just some bytes")]
        [DataRow("--------------------------d74496d66958873e\r\nContent-Disposition: form-data; name=\"file\"\r\n\r\nno end")]
        [DataRow("--------------------------d74496d66958873e--\r\n")]
        [DataRow("--------------------------d74496d66958873e\r\nContent-Disposition: form-data; name=\"other\"\r\n\r\nx\r\n--------------------------d74496d66958873e--\r\n")]
        public void AGarbageBodyIsRefusedAndNothingIsActivated(string body)
        {
            RecordingPushTarget target = new RecordingPushTarget(Capacity);
            PushRequest request = new PushRequest().Raw(System.Text.Encoding.UTF8.GetBytes(body));

            PushConnection connection = Send(request, target, 64);

            Assert.AreEqual(400, connection.Status, connection.ResponseText);
            Assert.IsFalse(target.Ended);
            Assert.IsTrue(target.BegunWith < 0 || target.Aborted);
        }

        [TestMethod]
        public void ABodyThatIsNotMultipartIsRefused()
        {
            RecordingPushTarget target = new RecordingPushTarget(Capacity);
            PushRequest request = new PushRequest().Raw(PushRequest.TrickyImage(1000));
            request.ContentType = "application/octet-stream";

            PushConnection connection = Send(request, target, 512);

            Assert.AreEqual(400, connection.Status);
            Expect.Contains("multipart/form-data", connection.Body);
            Assert.AreEqual(-1, target.BegunWith);
        }

        [TestMethod]
        public void ABusyFlashLockAnswers409()
        {
            RecordingPushTarget target = new RecordingPushTarget(Capacity);
            target.Busy = true;

            PushConnection connection = Send(new PushRequest().File(PushRequest.TrickyImage(1000)).Close(), target, 512);

            Assert.AreEqual(409, connection.Status);
            Assert.AreEqual("Error: Flash operation already in progress - cannot flash again\n", connection.Body);
            Assert.AreEqual(0, target.Written.Length);
        }

        [TestMethod]
        public void AFlashErrorAnswers500AndAbortsTheSession()
        {
            RecordingPushTarget target = new RecordingPushTarget(Capacity);
            target.FailWriteAt = 3000;

            PushConnection connection = Send(new PushRequest().File(PushRequest.TrickyImage(10000)).Close(), target, 512);

            Assert.AreEqual(500, connection.Status);
            Expect.Contains("ESP32 error #5379", connection.Body);
            Assert.IsTrue(target.Aborted);
            Assert.IsFalse(target.Ended);
        }

        [TestMethod]
        public void ContinueIsSentOnlyOnceTheRequestIsAccepted()
        {
            RecordingPushTarget target = new RecordingPushTarget(Capacity);
            PushRequest accepted = new PushRequest().File(PushRequest.TrickyImage(2000)).Close();
            accepted.ExtraHeaders = "Expect: 100-continue\r\n";
            PushRequest refused = new PushRequest().File(PushRequest.TrickyImage(2000)).Close();
            refused.ExtraHeaders = "Expect: 100-continue\r\n";
            refused.Secret = "wrong";

            PushConnection ok = Send(accepted, target, 512);
            PushConnection no = Send(refused, new RecordingPushTarget(Capacity), 512);

            Assert.IsTrue(ok.ResponseText.StartsWith("HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 200 OK\r\n"), ok.ResponseText);
            Assert.IsTrue(no.ResponseText.StartsWith("HTTP/1.1 401 Unauthorized\r\n"), no.ResponseText);
        }

        [TestMethod]
        [DataRow("abc")]
        [DataRow("-5")]
        [DataRow("99999999999999999")]
        [DataRow("0")]
        [DataRow("59")]
        [DataRow("86401")]
        public void ABadCommitTimeoutIsRefused(string value)
        {
            RecordingPushTarget target = new RecordingPushTarget(Capacity);
            PushConnection connection = Send(new PushRequest().Field("commit_timeout", value).File(PushRequest.TrickyImage(1000)).Close(), target, 512);

            Assert.AreEqual(400, connection.Status);
            Assert.AreEqual(-1, target.BegunWith);
        }

        [TestMethod]
        public void AnOverlongHeaderLineIsRefused()
        {
            RecordingPushTarget target = new RecordingPushTarget(Capacity);
            PushRequest request = new PushRequest().File(PushRequest.TrickyImage(100)).Close();
            request.ExtraHeaders = "X-Long: " + new string('a', 2000) + "\r\n";

            Assert.AreEqual(431, Send(request, target, 512).Status);
        }
    }
}
