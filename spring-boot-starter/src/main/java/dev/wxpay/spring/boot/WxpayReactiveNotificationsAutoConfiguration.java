package dev.wxpay.spring.boot;

import dev.wxpay.runtime.WechatPay;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.BodyExtractors;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * {@link WxpayNotificationsAutoConfiguration} for a WebFlux application: the same paths and answers. The
 * body is gathered without blocking, up to the limit; verifying it and the handler run on Reactor's
 * bounded-elastic scheduler, as a handler may block (a database write), never on an event-loop thread.
 */
@AutoConfiguration(after = WxpayAutoConfiguration.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
@ConditionalOnClass({WechatPay.class, RouterFunction.class, Mono.class})
@ConditionalOnBean({WechatPay.class, WxpayNotificationHandler.class})
public class WxpayReactiveNotificationsAutoConfiguration {

  @Bean
  public RouterFunction<ServerResponse> wxpayNotificationRoutes(Map<String, WechatPay> clients,
      ObjectProvider<WxpayNotificationHandler<?>> handlers, WxpayProperties properties) {
    int maxBytes = Math.toIntExact(properties.getNotifications().getMaxBodySize().toBytes());
    RouterFunctions.Builder routes = RouterFunctions.route();
    NotificationRoutes.dispatchers(clients, handlers, properties.getNotifications()).forEach((path, dispatcher) ->
        routes.POST(path, request -> answer(dispatcher, request, maxBytes)));
    return routes.build();
  }

  private static Mono<ServerResponse> answer(NotificationDispatcher dispatcher, ServerRequest request, int maxBytes) {
    if (request.headers().contentLength().orElse(0) > maxBytes) {
      return reply(NotificationDispatcher.Answer.TOO_LARGE);
    }
    // The raw bytes, not a decoded body: the signature covers them exactly.
    return DataBufferUtils.join(request.body(BodyExtractors.toDataBuffers()), maxBytes)
        .map(WxpayReactiveNotificationsAutoConfiguration::bytes)
        .defaultIfEmpty(new byte[0])
        .publishOn(Schedulers.boundedElastic())
        .map(body -> dispatcher.dispatch(name -> request.headers().firstHeader(name), body))
        .onErrorResume(DataBufferLimitException.class, tooLarge -> Mono.just(NotificationDispatcher.Answer.TOO_LARGE))
        .flatMap(WxpayReactiveNotificationsAutoConfiguration::reply);
  }

  private static byte[] bytes(DataBuffer buffer) {
    try {
      byte[] bytes = new byte[buffer.readableByteCount()];
      buffer.read(bytes);
      return bytes;
    } finally {
      DataBufferUtils.release(buffer);
    }
  }

  private static Mono<ServerResponse> reply(NotificationDispatcher.Answer answer) {
    if (answer.body() == null) {
      return ServerResponse.status(answer.status()).build();
    }
    return ServerResponse.status(answer.status()).contentType(MediaType.APPLICATION_JSON).bodyValue(answer.body());
  }
}
