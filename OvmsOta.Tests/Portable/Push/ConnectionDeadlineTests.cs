#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using System;
using System.IO;
using OvmsOta.Push;
using OvmsOta.Tests.Portable.Server;

namespace OvmsOta.Tests.Portable.Push
{
    /// <summary>The per-connection limits on a fake clock: a head deadline, then a minimum body rate, or none once lifted.</summary>
    [TestClass]
    public class ConnectionDeadlineTests
    {
        [TestMethod]
        public void A_head_trickled_past_the_deadline_is_cut_with_a_clear_message()
        {
            FakeClock clock = new FakeClock();
            ConnectionDeadline deadline = new ConnectionDeadline(clock);
            for (int second = 0; second < 10; second += 2)
            {
                deadline.Received(1);
                clock.Milliseconds += 2000;
            }
            Exception e = Expect.Throws(typeof(IOException), deadline.Check);
            Expect.Contains("request head or login not complete within 10 s", e.Message);
            Assert.AreEqual(e.Message, deadline.Missed);
        }

        [TestMethod]
        public void A_head_in_time_switches_to_the_body_rate()
        {
            FakeClock clock = new FakeClock();
            ConnectionDeadline deadline = new ConnectionDeadline(clock);
            clock.Milliseconds = 9999;
            deadline.Check();
            deadline.HeadDone();
            Assert.AreEqual(ConnectionDeadline.WindowMilliseconds, deadline.RemainingMilliseconds);
            for (int window = 0; window < 5; window++)
            {
                deadline.Received(ConnectionDeadline.MinBytesPerWindow);
                clock.Milliseconds += ConnectionDeadline.WindowMilliseconds;
            }
            deadline.Check();
            Assert.AreEqual("", deadline.Missed);
        }

        [TestMethod]
        public void A_body_below_the_rate_for_a_whole_window_is_cut()
        {
            FakeClock clock = new FakeClock();
            ConnectionDeadline deadline = new ConnectionDeadline(clock);
            deadline.HeadDone();
            deadline.Received(ConnectionDeadline.MinBytesPerWindow - 1);
            clock.Milliseconds += ConnectionDeadline.WindowMilliseconds;
            Exception e = Expect.Throws(typeof(IOException), deadline.Check);
            Expect.Contains("body slower than 1024 bytes per 10 s", e.Message);
        }

        [TestMethod]
        public void A_silent_body_is_cut_even_after_a_fast_window()
        {
            FakeClock clock = new FakeClock();
            ConnectionDeadline deadline = new ConnectionDeadline(clock);
            deadline.HeadDone();
            deadline.Received(100000);
            clock.Milliseconds += 2 * ConnectionDeadline.WindowMilliseconds;
            Expect.Throws(typeof(IOException), deadline.Check);
        }

        [TestMethod]
        public void A_lifted_deadline_never_cuts()
        {
            FakeClock clock = new FakeClock();
            ConnectionDeadline deadline = new ConnectionDeadline(clock);
            deadline.Lift();
            clock.Milliseconds += 3600000;
            deadline.Received(0);
            Assert.AreEqual(-1, deadline.RemainingMilliseconds);
        }

        [TestMethod]
        public void The_stream_ends_the_head_at_a_blank_line_and_cuts_a_late_head()
        {
            FakeClock clock = new FakeClock();
            byte[] request = System.Text.Encoding.UTF8.GetBytes("POST /update HTTP/1.1\r\nHost: x\r\n\r\nbody");
            DeadlineStream stream = new DeadlineStream(new MemoryStream(request), new ConnectionDeadline(clock), true);
            byte[] buffer = new byte[20];
            stream.Read(buffer, 0, 20);
            Assert.IsFalse(stream.Deadline.InBody);
            stream.Read(buffer, 0, 20);
            Assert.IsTrue(stream.Deadline.InBody, "the blank line ended the head");

            DeadlineStream late = new DeadlineStream(new MemoryStream(request), new ConnectionDeadline(clock), true);
            late.Read(buffer, 0, 1);
            clock.Milliseconds += ConnectionDeadline.HeadMilliseconds;
            Expect.Throws(typeof(IOException), () => late.Read(buffer, 0, 1));
        }
    }
}
