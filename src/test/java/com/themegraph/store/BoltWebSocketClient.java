package com.themegraph.store;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * What a web page does when it opens Bolt over a WebSocket, as Neo4j Browser and the
 * JavaScript driver do: the handshake, HELLO, then LOGON with some credentials. Only what
 * a login needs is encoded (PackStream tiny maps and strings); no driver speaks Bolt over
 * WebSocket from Java, which is why this test client exists at all.
 */
final class BoltWebSocketClient implements AutoCloseable {

	private final WebSocket socket;

	private final LinkedBlockingQueue<byte[]> received;

	private final ByteArrayOutputStream pending = new ByteArrayOutputStream();

	private BoltWebSocketClient(WebSocket socket, LinkedBlockingQueue<byte[]> received) {
		this.socket = socket;
		this.received = received;
	}

	/** Opens a WebSocket to Bolt as a page served from {@code origin} would. */
	static BoltWebSocketClient open(URI bolt, String origin) {
		var received = new LinkedBlockingQueue<byte[]>();
		var listener = new WebSocket.Listener() {
			@Override
			public CompletionStage<?> onBinary(WebSocket webSocket, ByteBuffer data, boolean last) {
				var bytes = new byte[data.remaining()];
				data.get(bytes);
				received.add(bytes);
				webSocket.request(1);
				return null;
			}
		};
		var socket = HttpClient.newHttpClient()
			.newWebSocketBuilder()
			.header("Origin", origin)
			.connectTimeout(Duration.ofSeconds(10))
			.buildAsync(URI.create("ws://" + bolt.getHost() + ":" + bolt.getPort()), listener)
			.join();
		return new BoltWebSocketClient(socket, received);
	}

	/**
	 * Negotiates Bolt 5 and logs in.
	 * @param auth the LOGON map, e.g. {@code scheme=none} or
	 * {@code scheme=basic, principal, credentials}
	 * @return the server's answer to LOGON: "SUCCESS" or "FAILURE: " and the message's
	 * text
	 */
	String login(Map<String, String> auth) throws Exception {
		send(new byte[] { 0x60, 0x60, (byte) 0xB0, 0x17, 0, 8, 8, 5, 0, 0, 4, 4, 0, 0, 0, 0, 0, 0, 0, 0 });
		var version = read(4);
		if (version[3] != 5) {
			throw new IllegalStateException(
					"the server did not agree to Bolt 5: " + java.util.Arrays.toString(version));
		}
		var agent = new LinkedHashMap<String, Object>();
		agent.put("user_agent", "themegraph-test/1");
		agent.put("bolt_agent", Map.of("product", "themegraph-test/1"));
		sendMessage(0x01, agent);
		var hello = readMessage();
		if (!hello.startsWith("SUCCESS")) {
			return hello;
		}
		sendMessage(0x6A, new LinkedHashMap<>(auth));
		return readMessage();
	}

	private void sendMessage(int signature, Map<String, ?> fields) {
		var body = new ByteArrayOutputStream();
		body.write(0xB1);
		body.write(signature);
		writeMap(body, fields);
		var bytes = body.toByteArray();
		var chunk = new ByteArrayOutputStream();
		chunk.write(bytes.length >> 8);
		chunk.write(bytes.length & 0xFF);
		chunk.writeBytes(bytes);
		chunk.write(0);
		chunk.write(0);
		send(chunk.toByteArray());
	}

	private static void writeMap(ByteArrayOutputStream out, Map<String, ?> map) {
		out.write(0xA0 | map.size());
		map.forEach((key, value) -> {
			writeString(out, key);
			if (value instanceof Map<?, ?> inner) {
				@SuppressWarnings("unchecked")
				var typed = (Map<String, ?>) inner;
				writeMap(out, typed);
			}
			else {
				writeString(out, (String) value);
			}
		});
	}

	private static void writeString(ByteArrayOutputStream out, String text) {
		var bytes = text.getBytes(StandardCharsets.UTF_8);
		if (bytes.length < 16) {
			out.write(0x80 | bytes.length);
		}
		else {
			out.write(0xD0);
			out.write(bytes.length);
		}
		out.writeBytes(bytes);
	}

	/**
	 * One whole message (its chunks joined), summarised: SUCCESS, or FAILURE with its
	 * text.
	 */
	private String readMessage() throws Exception {
		var message = new ByteArrayOutputStream();
		while (true) {
			var size = read(2);
			int length = ((size[0] & 0xFF) << 8) | (size[1] & 0xFF);
			if (length == 0) {
				break;
			}
			message.writeBytes(read(length));
		}
		var bytes = message.toByteArray();
		int signature = bytes[1] & 0xFF;
		var text = new String(bytes, StandardCharsets.UTF_8);
		return switch (signature) {
			case 0x70 -> "SUCCESS";
			case 0x7F -> "FAILURE: " + text.replaceAll("[^\\p{Print}]", " ");
			default -> "message 0x" + Integer.toHexString(signature);
		};
	}

	private byte[] read(int count) throws Exception {
		while (pending.size() < count) {
			var next = received.poll(20, TimeUnit.SECONDS);
			if (next == null) {
				throw new IllegalStateException(
						"Bolt sent nothing for 20 s (socket closed: " + socket.isInputClosed() + ")");
			}
			pending.writeBytes(next);
		}
		var all = pending.toByteArray();
		pending.reset();
		pending.write(all, count, all.length - count);
		return java.util.Arrays.copyOf(all, count);
	}

	private void send(byte[] bytes) {
		socket.sendBinary(ByteBuffer.wrap(bytes), true).join();
	}

	@Override
	public void close() {
		socket.abort();
	}

}
