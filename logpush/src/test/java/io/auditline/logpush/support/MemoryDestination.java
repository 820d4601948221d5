package io.auditline.logpush.support;

import io.auditline.logpush.destination.Destination;
import io.auditline.logpush.destination.DestinationContext;
import io.auditline.logpush.destination.DestinationParse;
import io.auditline.logpush.destination.DestinationSpec;
import io.auditline.logpush.destination.KeyTemplate;
import io.auditline.logpush.destination.Upload;
import io.auditline.logpush.destination.UploadOutcome;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * An in-memory object store for engine tests ({@code mem://name}), whose availability a test can
 * switch: it stands in where the engine's logic, not a destination, is under test.
 */
public final class MemoryDestination {

  public final Map<String, byte[]> objects = new ConcurrentHashMap<>();
  public final AtomicInteger uploads = new AtomicInteger();
  public volatile boolean down;

  /** A parser that answers {@code mem://<name>} with the named store and everything else as invalid. */
  public static Function<String, DestinationParse> parser(Map<String, MemoryDestination> stores) {
    return uri -> {
      MemoryDestination store = uri.startsWith("mem://") ? stores.get(uri.substring(6)) : null;
      return store == null ? new DestinationParse.Invalid("unknown test destination") : new DestinationParse.Valid(store.spec(uri));
    };
  }

  DestinationSpec spec(String uri) {
    MemoryDestination self = this;
    return new DestinationSpec() {
      @Override
      public String scheme() {
        return "mem";
      }

      @Override
      public String redacted() {
        return uri;
      }

      @Override
      public KeyTemplate keyTemplate() {
        return new KeyTemplate("logs/{DATE}");
      }

      @Override
      public Destination open(DestinationContext context) {
        return new Destination() {
          @Override
          public UploadOutcome upload(Upload upload) {
            uploads.incrementAndGet();
            if (self.down) {
              return new UploadOutcome.Retry("server_error", "503 from the test destination");
            }
            objects.put(upload.key(), upload.body());
            return new UploadOutcome.Stored(upload.key(), upload.body().length);
          }

          @Override
          public ReadOutcome read(String key) {
            byte[] body = objects.get(key);
            return body == null ? new ReadOutcome.Failed("no such object") : new ReadOutcome.Found(body);
          }

          @Override
          public String describe() {
            return uri;
          }
        };
      }
    };
  }
}
