package dev.wxpay.spring.boot;

import dev.wxpay.runtime.WechatPay;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.http.MediaType;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.RouterFunctions;
import org.springframework.web.servlet.function.ServerRequest;
import org.springframework.web.servlet.function.ServerResponse;

/**
 * Serves WeChat Pay notifications in a Spring MVC application that declares at least one
 * {@link WxpayNotificationHandler}: {@code POST wxpay.notifications.path} for the default merchant (or the
 * only {@code WechatPay} bean), and {@code POST <path>/<name>} for each named one. Use these URLs as
 * {@code notify_url}. {@link WxpayReactiveNotificationsAutoConfiguration} does the same for WebFlux.
 */
@AutoConfiguration(after = WxpayAutoConfiguration.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass({WechatPay.class, RouterFunction.class, HttpServletRequest.class})
@ConditionalOnBean({WechatPay.class, WxpayNotificationHandler.class})
public class WxpayNotificationsAutoConfiguration {

  @Bean
  public RouterFunction<ServerResponse> wxpayNotificationRoutes(Map<String, WechatPay> clients,
      ObjectProvider<WxpayNotificationHandler<?>> handlers, WxpayProperties properties) {
    long maxBytes = properties.getNotifications().getMaxBodySize().toBytes();
    RouterFunctions.Builder routes = RouterFunctions.route();
    NotificationRoutes.dispatchers(clients, handlers, properties.getNotifications()).forEach((path, dispatcher) ->
        routes.POST(path, request -> answer(dispatcher, request, maxBytes)));
    return routes.build();
  }

  private static ServerResponse answer(NotificationDispatcher dispatcher, ServerRequest request, long maxBytes)
      throws IOException {
    if (request.headers().contentLength().orElse(0) > maxBytes) {
      return reply(NotificationDispatcher.Answer.TOO_LARGE);
    }
    byte[] body;
    // The raw bytes, read here and not through a converter: the signature covers them exactly.
    try (InputStream in = request.servletRequest().getInputStream()) {
      body = in.readNBytes(Math.toIntExact(maxBytes + 1));
    }
    if (body.length > maxBytes) {
      return reply(NotificationDispatcher.Answer.TOO_LARGE);
    }
    return reply(dispatcher.dispatch(name -> request.headers().firstHeader(name), body));
  }

  private static ServerResponse reply(NotificationDispatcher.Answer answer) {
    if (answer.body() == null) {
      return ServerResponse.status(answer.status()).build();
    }
    return ServerResponse.status(answer.status()).contentType(MediaType.APPLICATION_JSON).body(answer.body());
  }
}
