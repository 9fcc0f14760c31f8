<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ko_KR">
<context>
    <name>CloseDialog</name>
    <message>
        <source>Close Connection</source>
        <translation>연결 종료</translation>
    </message>
    <message>
        <source>&amp;Code:</source>
        <translation>코드(&amp;C):</translation>
    </message>
    <message>
        <source>3000-3999: registered with IANA; 4000-4999: private use by applications</source>
        <translation>3000-3999: IANA에 등록된 코드, 4000-4999: 애플리케이션 전용</translation>
    </message>
    <message>
        <source>&amp;Reason:</source>
        <translation>사유(&amp;R):</translation>
    </message>
    <message>
        <source>optional, at most 123 bytes of UTF-8</source>
        <translation>선택 사항, UTF-8로 최대 123바이트</translation>
    </message>
</context>
<context>
    <name>ConnectionOptionsEditor</name>
    <message>
        <source>P&amp;rotocol:</source>
        <translation>프로토콜(&amp;R):</translation>
    </message>
    <message>
        <source>What rides on the WebSocket, decoded in the log's Decoded column and the Decoded tab. Auto detects it from the subprotocol, the URL and the first messages; None turns decoding off.</source>
        <translation>WebSocket 위에서 오가는 프로토콜로, 로그의 디코딩 열과 디코딩 탭에 디코딩해 보여 줍니다. 자동은 서브프로토콜, URL, 첫 메시지로 감지하고, 없음은 디코딩을 끕니다.</translation>
    </message>
    <message>
        <source>Auto (detect)</source>
        <translation>자동 (감지)</translation>
    </message>
    <message>
        <source>None</source>
        <translation>없음</translation>
    </message>
    <message>
        <source>GraphQL over WebSocket</source>
        <translation>GraphQL over WebSocket</translation>
    </message>
    <message>
        <source>&amp;Headers:</source>
        <translation>헤더(&amp;H):</translation>
    </message>
    <message>
        <source>&amp;Subprotocols:</source>
        <translation>서브프로토콜(&amp;S):</translation>
    </message>
    <message>
        <source>e.g. chat, superchat (offered in this order)</source>
        <translation>예: chat, superchat (이 순서로 제시)</translation>
    </message>
    <message>
        <source>Subprotocols offered in Sec-WebSocket-Protocol, in this order; the server picks one. Separate them with commas or spaces.</source>
        <translation>Sec-WebSocket-Protocol로 이 순서대로 제시할 서브프로토콜입니다. 서버가 그중 하나를 고릅니다. 쉼표나 공백으로 구분하세요.</translation>
    </message>
    <message>
        <source>&amp;Origin:</source>
        <translation>Origin(&amp;O):</translation>
    </message>
    <message>
        <source>e.g. https://example.com (empty: no Origin header)</source>
        <translation>예: https://example.com (비우면 Origin 헤더를 보내지 않음)</translation>
    </message>
    <message>
        <source>The Origin header browsers send; servers often check it</source>
        <translation>브라우저가 보내는 Origin 헤더입니다. 서버가 이를 확인하는 경우가 많습니다</translation>
    </message>
    <message>
        <source>&amp;Timeout:</source>
        <translation>타임아웃(&amp;T):</translation>
    </message>
    <message>
        <source>Connect and handshake deadline</source>
        <translation>연결과 핸드셰이크의 제한 시간</translation>
    </message>
    <message>
        <source> s</source>
        <translation> 초</translation>
    </message>
    <message>
        <source>TLS (wss:// only)</source>
        <translation>TLS (wss:// 전용)</translation>
    </message>
    <message>
        <source>Intercept TLS to show the plaintext handshake and frames</source>
        <translation>TLS를 가로채 평문 핸드셰이크와 프레임 보기</translation>
    </message>
    <message>
        <source>Off: the bytes stay encrypted and only the TLS facts are shown</source>
        <translation>끄면 바이트는 암호화된 채로 두고 TLS 정보만 보여 줍니다</translation>
    </message>
    <message>
        <source>Trust &amp;CA:</source>
        <translation>신뢰할 CA(&amp;C):</translation>
    </message>
    <message>
        <source>extra PEM CA file besides the system&apos;s (optional)</source>
        <translation>시스템 외에 추가로 신뢰할 PEM CA 파일 (선택 사항)</translation>
    </message>
    <message>
        <source>Extra PEM CA certificates to trust</source>
        <translation>추가로 신뢰할 PEM CA 인증서</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>찾아보기…</translation>
    </message>
    <message>
        <source>Client &amp;certificate:</source>
        <translation>클라이언트 인증서(&amp;C):</translation>
    </message>
    <message>
        <source>PEM certificate, or .p12/.pfx (mutual TLS)</source>
        <translation>PEM 인증서 또는 .p12/.pfx (상호 TLS)</translation>
    </message>
    <message>
        <source>Client certificate for mutual TLS: PEM or PKCS#12</source>
        <translation>상호 TLS용 클라이언트 인증서: PEM 또는 PKCS#12</translation>
    </message>
    <message>
        <source>Client &amp;key:</source>
        <translation>클라이언트 키(&amp;K):</translation>
    </message>
    <message>
        <source>PEM private key of the certificate</source>
        <translation>인증서의 PEM 개인 키</translation>
    </message>
    <message>
        <source>PEM private key</source>
        <translation>PEM 개인 키</translation>
    </message>
    <message>
        <source>Pass&amp;word:</source>
        <translation>비밀번호(&amp;W):</translation>
    </message>
    <message>
        <source>password of the PKCS#12 file or the key (optional)</source>
        <translation>PKCS#12 파일 또는 키의 비밀번호 (선택 사항)</translation>
    </message>
    <message>
        <source>Password of the PKCS#12 file or key. Never remembered for the URL; the connect bar asks for a PKCS#12 password on Connect when this is empty.</source>
        <translation>PKCS#12 파일이나 키의 비밀번호입니다. URL별로 기억하지 않으며, 비어 있으면 연결할 때 연결 표시줄에서 PKCS#12 비밀번호를 묻습니다.</translation>
    </message>
    <message>
        <source>&amp;Minimum version:</source>
        <translation>최소 버전(&amp;M):</translation>
    </message>
    <message>
        <source>TLS 1.2 or later</source>
        <translation>TLS 1.2 이상</translation>
    </message>
    <message>
        <source>TLS 1.3 only</source>
        <translation>TLS 1.3만</translation>
    </message>
    <message>
        <source>Proceed past certificate errors without asking (logged)</source>
        <translation>인증서 오류를 묻지 않고 무시하고 진행 (로그에 기록)</translation>
    </message>
    <message>
        <source>Certificate errors are logged, and the connection goes on without the decision banner</source>
        <translation>인증서 오류는 로그에 남기고, 결정 배너 없이 연결을 계속합니다</translation>
    </message>
    <message>
        <source>Keepalive and reconnect</source>
        <translation>킵얼라이브와 재연결</translation>
    </message>
    <message>
        <source>Keepalive:</source>
        <translation>킵얼라이브:</translation>
    </message>
    <message>
        <source>Ping every</source>
        <translation>핑 간격</translation>
    </message>
    <message>
        <source>Send a ping at this interval while the connection is open; a pong that does not come back in time is logged as an error</source>
        <translation>연결이 열려 있는 동안 이 간격으로 핑을 보냅니다. 제때 돌아오지 않는 퐁은 오류로 기록합니다</translation>
    </message>
    <message>
        <source>Time between pings</source>
        <translation>핑 사이의 시간</translation>
    </message>
    <message>
        <source>pong within</source>
        <translation>퐁 대기</translation>
    </message>
    <message>
        <source>How long to wait for each pong</source>
        <translation>각 퐁을 기다리는 시간</translation>
    </message>
    <message>
        <source>close when a pong is missed</source>
        <translation>퐁이 오지 않으면 연결 닫기</translation>
    </message>
    <message>
        <source>Close with 1001 (or drop the connection if the close does not complete), so that auto-reconnect brings it back</source>
        <translation>1001로 닫습니다(종료가 끝나지 않으면 연결을 끊음). 자동 재연결이 다시 연결하게 하려는 것입니다</translation>
    </message>
    <message>
        <source>Reconnect:</source>
        <translation>재연결:</translation>
    </message>
    <message>
        <source>Reconnect after</source>
        <translation>재연결 대기</translation>
    </message>
    <message>
        <source>When the connection fails or drops, open a new one after a wait that grows with every failed attempt (with jitter). Each attempt is its own connection in the list. Closing it yourself never reconnects.</source>
        <translation>연결이 실패하거나 끊기면, 실패할 때마다 늘어나는 대기 시간(지터 포함) 뒤에 새로 연결합니다. 시도마다 목록에 별도의 연결로 나타납니다. 직접 닫은 연결은 재연결하지 않습니다.</translation>
    </message>
    <message>
        <source>The wait before the first attempt</source>
        <translation>첫 시도 전 대기 시간</translation>
    </message>
    <message>
        <source>up to</source>
        <translation>최대</translation>
    </message>
    <message>
        <source>The longest wait between two attempts</source>
        <translation>두 시도 사이의 최대 대기 시간</translation>
    </message>
    <message>
        <source>attempts</source>
        <translation>회 시도</translation>
    </message>
    <message>
        <source>Attempts after the last successful open before giving up (0: unlimited)</source>
        <translation>마지막으로 연결에 성공한 뒤 포기하기 전까지의 시도 횟수 (0: 무제한)</translation>
    </message>
    <message>
        <source>unlimited</source>
        <translation>무제한</translation>
    </message>
    <message>
        <source>Backoff:</source>
        <translation>백오프:</translation>
    </message>
    <message>
        <source>wait ×</source>
        <translation>대기 ×</translation>
    </message>
    <message>
        <source>Each wait is the previous one times this</source>
        <translation>각 대기 시간은 이전 대기 시간에 이 값을 곱한 것입니다</translation>
    </message>
    <message>
        <source>jitter</source>
        <translation>지터</translation>
    </message>
    <message>
        <source>Random spread, so that clients that dropped together do not return together</source>
        <translation>함께 끊긴 클라이언트들이 동시에 돌아오지 않도록 무작위로 분산합니다</translation>
    </message>
    <message>
        <source> %</source>
        <translation> %</translation>
    </message>
    <message>
        <source>also after a clean close</source>
        <translation>정상 종료 후에도 재연결</translation>
    </message>
    <message>
        <source>Without this, a clean close ends it, except for 1001, 1012 and 1013, which ask the client to come back</source>
        <translation>이 옵션이 없으면 정상 종료 시 재연결하지 않습니다. 단, 클라이언트에게 다시 오라고 요청하는 1001, 1012, 1013은 예외입니다</translation>
    </message>
    <message>
        <source>Protocol duties</source>
        <translation>프로토콜 자동 응답</translation>
    </message>
    <message>
        <source>On: answer what the detected protocol needs to stay connected (Engine.IO pong, STOMP heart-beat, graphql-ws pong); each answer is an automatic row. Off: test the server&apos;s timeout, as with auto-pong.</source>
        <translation>켜면: 감지한 프로토콜이 연결을 유지하는 데 필요한 응답(Engine.IO pong, STOMP heart-beat, graphql-ws pong)을 자동으로 보내고, 각 응답은 자동 행으로 기록됩니다. 끄면: 자동 pong처럼 서버의 타임아웃을 시험할 수 있습니다.</translation>
    </message>
    <message>
        <source>P&amp;airs by:</source>
        <translation>짝 맞춤 기준(&amp;A):</translation>
    </message>
    <message>
        <source>Your own protocol&apos;s pairing rule: a JSON text message that has this path is a request, in either direction. Paths look like $.id, $.meta.req, $.args[0] or $[&quot;odd key&quot;]. Works with any protocol choice, None too.</source>
        <translation>직접 정의한 프로토콜의 짝 맞춤 규칙: 이 경로가 있는 JSON 텍스트 메시지는 방향과 관계없이 요청입니다. 경로 예: $.id, $.meta.req, $.args[0], $[&quot;odd key&quot;]. 어떤 프로토콜 선택과도, 없음과도 함께 동작합니다.</translation>
    </message>
    <message>
        <source>request: $.id</source>
        <translation>요청: $.id</translation>
    </message>
    <message>
        <source>&amp;reply:</source>
        <translation>응답(&amp;R):</translation>
    </message>
    <message>
        <source>The path in the reply: the first later message going the other way whose value here equals the request&apos;s is its reply, shown in the Pairs view with the latency.</source>
        <translation>응답의 경로: 반대 방향으로 나중에 온 메시지 중 이 값이 요청의 값과 같은 첫 메시지가 그 응답이며, 지연 시간과 함께 요청/응답 보기에 표시됩니다.</translation>
    </message>
    <message>
        <source>&amp;name:</source>
        <translation>이름(&amp;N):</translation>
    </message>
    <message>
        <source>Optional: the path in the request that names it in the Pairs view and the latency statistics, e.g. $.type. Without it, the request path&apos;s value names it.</source>
        <translation>선택 사항: 요청/응답 보기와 지연 시간 통계에서 요청의 이름이 되는 요청 안의 경로(예: $.type). 없으면 요청 경로의 값이 이름이 됩니다.</translation>
    </message>
    <message>
        <source>$.type (optional)</source>
        <translation>$.type (선택 사항)</translation>
    </message>
</context>
<context>
    <name>EndpointDialog</name>
    <message>
        <source>Endpoint</source>
        <translation>엔드포인트</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>이름(&amp;N):</translation>
    </message>
    <message>
        <source>e.g. Chat (staging)</source>
        <translation>예: Chat (스테이징)</translation>
    </message>
    <message>
        <source>&amp;Folder:</source>
        <translation>폴더(&amp;F):</translation>
    </message>
    <message>
        <source>Group endpoints in the sidebar; type a new name to create a folder</source>
        <translation>사이드바에서 엔드포인트를 묶습니다. 새 이름을 입력하면 폴더가 만들어집니다</translation>
    </message>
    <message>
        <source>&amp;URL:</source>
        <translation>URL(&amp;U):</translation>
    </message>
</context>
<context>
    <name>EventStore</name>
    <message>
        <source>This session reached its disk budget (%1 MiB of payloads): from here on each message keeps only its first %2 bytes. Its size and every record are still kept. Raise the budget in Preferences &gt; Memory (wsinspector-cli: --session-budget-mb).</source>
        <translation>이 세션이 디스크 한도(페이로드 %1 MiB)에 도달했습니다. 이제부터 각 메시지는 처음 %2바이트만 보관합니다. 크기와 모든 기록은 그대로 남습니다. 한도는 환경설정 &gt; 메모리에서 늘릴 수 있습니다 (wsinspector-cli: --session-budget-mb).</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>Export</source>
        <translation>내보내기</translation>
    </message>
    <message>
        <source>&amp;File:</source>
        <translation>파일(&amp;F):</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>찾아보기(&amp;B)…</translation>
    </message>
    <message>
        <source>F&amp;ormat:</source>
        <translation>형식(&amp;O):</translation>
    </message>
    <message>
        <source>Include secrets &amp;unmasked</source>
        <translation>비밀 값을 가리지 않고 포함(&amp;U)</translation>
    </message>
</context>
<context>
    <name>OutgoingFailureText</name>
    <message>
        <source>TLS handshake with %1 failed: %2</source>
        <translation>%1와(과)의 TLS 핸드셰이크 실패: %2</translation>
    </message>
    <message>
        <source>The server dropped the TCP connection without a Close frame (1006 abnormal closure).</source>
        <translation>서버가 Close 프레임 없이 TCP 연결을 끊었습니다 (1006 비정상 종료).</translation>
    </message>
    <message>
        <source>The server closed the connection right after the TLS handshake, before answering the upgrade. Servers do that when they require a client certificate: set one in the connection&apos;s TLS options.</source>
        <translation>서버가 TLS 핸드셰이크 직후, 업그레이드 요청에 응답하기 전에 연결을 닫았습니다. 클라이언트 인증서를 요구하는 서버가 이렇게 합니다. 연결의 TLS 옵션에서 인증서를 설정하세요.</translation>
    </message>
    <message>
        <source>The server closed the TCP connection before answering the upgrade.</source>
        <translation>서버가 업그레이드 요청에 응답하기 전에 TCP 연결을 닫았습니다.</translation>
    </message>
    <message>
        <source>The capture tap failed: %1</source>
        <translation>캡처 탭 오류: %1</translation>
    </message>
    <message>
        <source>DNS lookup failed for &quot;%1&quot;: the name does not resolve. Check the host name in the URL.</source>
        <translation>&quot;%1&quot;의 DNS 조회 실패: 이름을 찾을 수 없습니다. URL의 호스트 이름을 확인하세요.</translation>
    </message>
    <message>
        <source>The connection timed out: %1</source>
        <translation>연결 시간 초과: %1</translation>
    </message>
    <message>
        <source>WebSocket error: %1</source>
        <translation>WebSocket 오류: %1</translation>
    </message>
    <message>
        <source>Timed out after %1 ms connecting to %2: no TCP connection. Is a firewall dropping packets?</source>
        <translation>%2에 연결하는 중 %1 ms 후 시간 초과: TCP 연결이 되지 않았습니다. 방화벽이 패킷을 버리고 있지 않나요?</translation>
    </message>
    <message>
        <source>Timed out after %1 ms waiting for the server to answer the upgrade request (HTTP).</source>
        <translation>%1 ms 동안 서버가 업그레이드 요청(HTTP)에 응답하지 않아 시간 초과되었습니다.</translation>
    </message>
    <message>
        <source>Timed out after %1 ms: the WebSocket did not open.</source>
        <translation>%1 ms 후 시간 초과: WebSocket이 열리지 않았습니다.</translation>
    </message>
</context>
<context>
    <name>PayloadCache</name>
    <message>
        <source>Payloads beyond the memory budget stay in memory: the spill file in %1 could not be created (%2).</source>
        <translation>메모리 한도를 넘는 페이로드를 메모리에 그대로 둡니다: %1에 스필 파일을 만들 수 없습니다 (%2).</translation>
    </message>
    <message>
        <source>The spill file could not be opened: %1</source>
        <translation>스필 파일을 열 수 없습니다: %1</translation>
    </message>
    <message>
        <source>Payloads beyond the memory budget stay in memory: writing the spill file failed (%1).</source>
        <translation>메모리 한도를 넘는 페이로드를 메모리에 그대로 둡니다: 스필 파일 쓰기에 실패했습니다 (%1).</translation>
    </message>
</context>
<context>
    <name>PreferencesDialog</name>
    <message>
        <source>Preferences</source>
        <translation>환경설정</translation>
    </message>
    <message>
        <source>Always trusted certificates</source>
        <translation>항상 신뢰하는 인증서</translation>
    </message>
    <message>
        <source>Certificates that failed verification but that you chose to always trust for a host. A changed certificate asks again.</source>
        <translation>검증에 실패했지만 해당 호스트에 대해 항상 신뢰하기로 한 인증서입니다. 인증서가 바뀌면 다시 묻습니다.</translation>
    </message>
    <message>
        <source>Host</source>
        <translation>호스트</translation>
    </message>
    <message>
        <source>SHA-256 fingerprint</source>
        <translation>SHA-256 지문</translation>
    </message>
    <message>
        <source>Forget the selected certificate: the next connection asks again</source>
        <translation>선택한 인증서를 잊습니다. 다음 연결에서 다시 묻습니다</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>제거(&amp;R)</translation>
    </message>
    <message>
        <source>The inspector&apos;s certificate authority</source>
        <translation>인스펙터의 인증 기관</translation>
    </message>
    <message>
        <source>Signs the certificates with which wss:// connections are intercepted and the test server&apos;s wss certificate. It is never installed into any system or browser store; export it to trust the test server elsewhere.</source>
        <translation>wss:// 연결을 가로챌 때 쓰는 인증서와 테스트 서버의 wss 인증서에 서명합니다. 시스템이나 브라우저 저장소에 설치하지 않습니다. 다른 곳에서 테스트 서버를 신뢰하려면 내보내세요.</translation>
    </message>
    <message>
        <source>Re&amp;generate CA…</source>
        <translation>CA 다시 만들기(&amp;G)…</translation>
    </message>
    <message>
        <source>&amp;Export CA Certificate…</source>
        <translation>CA 인증서 내보내기(&amp;E)…</translation>
    </message>
    <message>
        <source>Session journals</source>
        <translation>세션 저널</translation>
    </message>
    <message>
        <source>Keep at most</source>
        <translation>최대 보관량</translation>
    </message>
    <message>
        <source>no limit</source>
        <translation>제한 없음</translation>
    </message>
    <message>
        <source> MiB</source>
        <translation> MiB</translation>
    </message>
    <message>
        <source>of journals (oldest deleted first)</source>
        <translation>의 저널 (오래된 것부터 삭제)</translation>
    </message>
    <message>
        <source>Memory</source>
        <translation>메모리</translation>
    </message>
    <message>
        <source>Payload bytes and event records of all connections kept in memory. Older payloads and records beyond this wait in a private spill file on disk (deleted when the app exits) and are read back when a view shows them, so a long capture does not run out of memory. The window needs about 100 MiB besides: the default, 176 MiB, keeps it under 300 MB.</source>
        <translation>모든 연결의 페이로드와 이벤트 기록 중 메모리에 두는 바이트 수입니다. 이를 넘는 오래된 페이로드와 기록은 디스크의 전용 스필 파일(앱 종료 시 삭제)에서 기다리다가 화면에 보일 때 다시 읽어 오므로, 오래 캡처해도 메모리가 부족해지지 않습니다. 창 자체에 약 100 MiB가 더 필요하므로, 기본값 176 MiB로는 전체가 300 MB를 넘지 않습니다.</translation>
    </message>
    <message>
        <source>of payloads and records in memory (the rest waits on disk)</source>
        <translation>의 페이로드와 기록을 메모리에 보관 (나머지는 디스크에서 대기)</translation>
    </message>
    <message>
        <source>Each session keeps</source>
        <translation>세션마다 보관</translation>
    </message>
    <message>
        <source>The disk budget of one connection&apos;s payloads (memory and spill file together). When a session reaches it, every later message keeps only its first 1024 bytes; its size and every record are still kept, and the log says where this began.</source>
        <translation>한 연결의 페이로드에 대한 디스크 한도(메모리와 스필 파일 합계)입니다. 세션이 한도에 도달하면 이후 메시지는 처음 1024바이트만 보관합니다. 크기와 모든 기록은 그대로 남고, 로그에 어디서부터인지 표시됩니다.</translation>
    </message>
    <message>
        <source>of payloads in full, then the first 1 KiB of each message</source>
        <translation>의 페이로드는 전부, 그 뒤로는 메시지마다 처음 1 KiB</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>언어</translation>
    </message>
    <message>
        <source>Show the app in</source>
        <translation>표시 언어</translation>
    </message>
    <message>
        <source>The language of menus, dialogs and messages. It applies at once; System follows the language of your desktop.</source>
        <translation>메뉴, 대화 상자, 메시지의 언어입니다. 바로 적용되며, 시스템을 고르면 데스크톱의 언어를 따릅니다.</translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <source>The certificate expired on %1.</source>
        <translation>인증서가 %1에 만료되었습니다.</translation>
    </message>
    <message>
        <source>The certificate is not valid yet: it starts on %1 (is a clock wrong?).</source>
        <translation>인증서가 아직 유효하지 않습니다. %1부터 유효합니다 (시계가 틀리지 않았나요?).</translation>
    </message>
    <message>
        <source>The certificate is self-signed: no certificate authority vouches for it.</source>
        <translation>자체 서명 인증서입니다. 이를 보증하는 인증 기관이 없습니다.</translation>
    </message>
    <message>
        <source>The chain ends in a self-signed certificate that is not a trusted root.</source>
        <translation>인증서 체인이 신뢰할 수 있는 루트가 아닌 자체 서명 인증서로 끝납니다.</translation>
    </message>
    <message>
        <source>The certificate was issued by an unknown certificate authority (not in the system&apos;s trusted roots nor in a CA file you gave).</source>
        <translation>알 수 없는 인증 기관이 발급한 인증서입니다 (시스템의 신뢰할 수 있는 루트에도, 지정한 CA 파일에도 없음).</translation>
    </message>
    <message>
        <source>The certificate is for %1, not for %2.</source>
        <translation>이 인증서는 %2가 아니라 %1용입니다.</translation>
    </message>
    <message>
        <source>The certificate has been revoked by its issuer.</source>
        <translation>발급자가 인증서를 폐기했습니다.</translation>
    </message>
    <message>
        <source>The certificate is not trusted for this purpose.</source>
        <translation>이 인증서는 이 용도로 신뢰되지 않습니다.</translation>
    </message>
    <message>
        <source>DNS (name lookup)</source>
        <translation>DNS (이름 조회)</translation>
    </message>
    <message>
        <source>TCP (connection)</source>
        <translation>TCP (연결)</translation>
    </message>
    <message>
        <source>TLS (encryption)</source>
        <translation>TLS (암호화)</translation>
    </message>
    <message>
        <source>Proxy</source>
        <translation>프록시</translation>
    </message>
    <message>
        <source>HTTP (upgrade)</source>
        <translation>HTTP (업그레이드)</translation>
    </message>
    <message>
        <source>WebSocket protocol</source>
        <translation>WebSocket 프로토콜</translation>
    </message>
    <message>
        <source>Application</source>
        <translation>애플리케이션</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>알 수 없음</translation>
    </message>
    <message>
        <source>Outgoing (client → server)</source>
        <translation>보냄 (클라이언트 → 서버)</translation>
    </message>
    <message>
        <source>Incoming (server → client)</source>
        <translation>받음 (서버 → 클라이언트)</translation>
    </message>
    <message>
        <source>—</source>
        <translation>—</translation>
    </message>
</context>
<context>
    <name>SendSequence</name>
    <message>
        <source>not sent, because an earlier frame from this client broke the protocol and the tap no longer tracks where the client&apos;s frames begin.</source>
        <translation>보내지 않았습니다. 이 클라이언트의 앞선 프레임이 프로토콜을 어겨서, 탭이 클라이언트 프레임의 시작 위치를 더 이상 추적하지 못합니다.</translation>
    </message>
    <message>
        <source>the connection did not accept the message.</source>
        <translation>연결이 메시지를 받아들이지 않았습니다.</translation>
    </message>
</context>
<context>
    <name>SendStep</name>
    <message>
        <source>A frame size of %1 bytes makes %2 frames; at most %3 are sent at once. Choose a larger frame size.</source>
        <translation>프레임 크기가 %1바이트이면 프레임 %2개가 됩니다. 한 번에 최대 %3개까지 보냅니다. 프레임 크기를 더 크게 고르세요.</translation>
    </message>
</context>
<context>
    <name>ServerOptionsForm</name>
    <message>
        <source>Accept a client&apos;s permessage-deflate offer (RFC 7692), as most real servers do: what the server sends goes out compressed, and the log shows each compressed message inflated, its frames with RSV1 and the compressed bytes.</source>
        <translation>대부분의 실제 서버처럼 클라이언트의 permessage-deflate 제안을 받아들입니다 (RFC 7692). 서버가 보내는 것은 압축되어 나가고, 로그에는 압축된 메시지가 압축 해제되어 표시되며 그 프레임은 RSV1과 압축된 바이트로 표시됩니다.</translation>
    </message>
    <message>
        <source>Compress (permessage-deflate)</source>
        <translation>압축 (permessage-deflate)</translation>
    </message>
    <message>
        <source>Listen</source>
        <translation>수신 대기</translation>
    </message>
    <message>
        <source>&amp;Address:</source>
        <translation>주소(&amp;A):</translation>
    </message>
    <message>
        <source>127.0.0.1 and ::1 are reachable only from this machine</source>
        <translation>127.0.0.1과 ::1은 이 컴퓨터에서만 접근할 수 있습니다</translation>
    </message>
    <message>
        <source>&amp;Port:</source>
        <translation>포트(&amp;P):</translation>
    </message>
    <message>
        <source>0 (any free port)</source>
        <translation>0 (사용 가능한 아무 포트)</translation>
    </message>
    <message>
        <source>&amp;Scheme:</source>
        <translation>스킴(&amp;S):</translation>
    </message>
    <message>
        <source>Certificate:</source>
        <translation>인증서:</translation>
    </message>
    <message>
        <source>app&apos;s CA if empty</source>
        <translation>비우면 앱의 CA 사용</translation>
    </message>
    <message>
        <source>…</source>
        <translation>…</translation>
    </message>
    <message>
        <source>Key:</source>
        <translation>키:</translation>
    </message>
    <message>
        <source>Behaviour</source>
        <translation>동작</translation>
    </message>
    <message>
        <source>&amp;Mode:</source>
        <translation>모드(&amp;M):</translation>
    </message>
    <message>
        <source>Broadcast also to the sender</source>
        <translation>보낸 클라이언트에게도 브로드캐스트</translation>
    </message>
    <message>
        <source>Status:</source>
        <translation>상태:</translation>
    </message>
    <message>
        <source>Headers:</source>
        <translation>헤더:</translation>
    </message>
    <message>
        <source>Name: value, one per line</source>
        <translation>Name: value, 한 줄에 하나씩</translation>
    </message>
    <message>
        <source>Body:</source>
        <translation>본문:</translation>
    </message>
    <message>
        <source>Auto-replies:</source>
        <translation>자동 응답:</translation>
    </message>
    <message>
        <source>Auto-reply rules, checked in order; the reply is a template with the composer&apos;s variables ({{timestamp}}, {{uuid}}, ...)</source>
        <translation>자동 응답 규칙으로, 순서대로 확인합니다. 응답은 작성기의 변수({{timestamp}}, {{uuid}}, ...)를 쓰는 템플릿입니다</translation>
    </message>
    <message>
        <source>Message matches</source>
        <translation>메시지 일치 조건</translation>
    </message>
    <message>
        <source>Regex</source>
        <translation>정규식</translation>
    </message>
    <message>
        <source>Reply with</source>
        <translation>응답 내용</translation>
    </message>
    <message>
        <source>Add Rule</source>
        <translation>규칙 추가</translation>
    </message>
    <message>
        <source>Remove Rule</source>
        <translation>규칙 제거</translation>
    </message>
    <message>
        <source>Handshake and limits</source>
        <translation>핸드셰이크와 제한</translation>
    </message>
    <message>
        <source>Subprotocols:</source>
        <translation>서브프로토콜:</translation>
    </message>
    <message>
        <source>Subprotocols this server supports, most preferred first, separated by commas or spaces. The 101 names the first of them that the client offered.</source>
        <translation>이 서버가 지원하는 서브프로토콜로, 선호하는 것부터 쉼표나 공백으로 구분합니다. 101 응답은 클라이언트가 제시한 것 중 첫 번째를 고릅니다.</translation>
    </message>
    <message>
        <source>e.g. chat, v2.json</source>
        <translation>예: chat, v2.json</translation>
    </message>
    <message>
        <source>Allowed origins:</source>
        <translation>허용할 Origin:</translation>
    </message>
    <message>
        <source>Origins allowed to connect, e.g. http://localhost:3000. Empty allows any; a client sending another Origin gets 403 with the reason in the body.</source>
        <translation>연결을 허용할 Origin입니다 (예: http://localhost:3000). 비우면 모두 허용합니다. 다른 Origin을 보낸 클라이언트는 본문에 이유가 담긴 403을 받습니다.</translation>
    </message>
    <message>
        <source>any; others get 403</source>
        <translation>모두 허용, 그 외에는 403</translation>
    </message>
    <message>
        <source>Max clients:</source>
        <translation>최대 클라이언트 수:</translation>
    </message>
    <message>
        <source>Clients beyond this many get 503 Service Unavailable.</source>
        <translation>이 수를 넘는 클라이언트는 503 Service Unavailable을 받습니다.</translation>
    </message>
    <message>
        <source>no limit</source>
        <translation>제한 없음</translation>
    </message>
    <message>
        <source>Handshake timeout:</source>
        <translation>핸드셰이크 타임아웃:</translation>
    </message>
    <message>
        <source>A client that has not sent a complete upgrade request by then gets 408.</source>
        <translation>이 시간 안에 업그레이드 요청을 다 보내지 않은 클라이언트는 408을 받습니다.</translation>
    </message>
    <message>
        <source> ms</source>
        <translation> ms</translation>
    </message>
    <message>
        <source>Max message size:</source>
        <translation>최대 메시지 크기:</translation>
    </message>
    <message>
        <source>A larger message is refused with Close 1009 Message Too Big.</source>
        <translation>이보다 큰 메시지는 Close 1009 Message Too Big으로 거부합니다.</translation>
    </message>
    <message>
        <source> KiB</source>
        <translation> KiB</translation>
    </message>
    <message>
        <source>Idle timeout:</source>
        <translation>유휴 타임아웃:</translation>
    </message>
    <message>
        <source>A client silent for this long is closed with 1001 Going Away.</source>
        <translation>이 시간 동안 조용한 클라이언트는 1001 Going Away로 닫습니다.</translation>
    </message>
    <message>
        <source>never</source>
        <translation>사용 안 함</translation>
    </message>
    <message>
        <source> s</source>
        <translation> 초</translation>
    </message>
</context>
<context>
    <name>VariablesDialog</name>
    <message>
        <source>Composer Variables</source>
        <translation>작성기 변수</translation>
    </message>
    <message>
        <source>Write &lt;tt&gt;{{name}}&lt;/tt&gt; in a message; it is replaced when the message is sent. Built in: &lt;tt&gt;{{timestamp}}&lt;/tt&gt;, &lt;tt&gt;{{iso8601}}&lt;/tt&gt;, &lt;tt&gt;{{uuid}}&lt;/tt&gt;, &lt;tt&gt;{{counter}}&lt;/tt&gt;, &lt;tt&gt;{{random:N}}&lt;/tt&gt;.</source>
        <translation>메시지에 &lt;tt&gt;{{name}}&lt;/tt&gt;을 쓰면 보낼 때 값으로 바뀝니다. 기본 제공: &lt;tt&gt;{{timestamp}}&lt;/tt&gt;, &lt;tt&gt;{{iso8601}}&lt;/tt&gt;, &lt;tt&gt;{{uuid}}&lt;/tt&gt;, &lt;tt&gt;{{counter}}&lt;/tt&gt;, &lt;tt&gt;{{random:N}}&lt;/tt&gt;.</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>이름</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>값</translation>
    </message>
    <message>
        <source>Add a variable</source>
        <translation>변수 추가</translation>
    </message>
    <message>
        <source>&amp;Add</source>
        <translation>추가(&amp;A)</translation>
    </message>
    <message>
        <source>Remove the selected variables</source>
        <translation>선택한 변수 제거</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>제거(&amp;R)</translation>
    </message>
</context>
<context>
    <name>wsi::AcceptComputationLabel</name>
    <message>
        <source>The key and the server&apos;s answer travelled inside TLS, which is not intercepted for this connection; turn on Intercept TLS in the options to see the check.</source>
        <translation>키와 서버의 응답이 TLS 안에서 오갔는데, 이 연결은 TLS를 가로채지 않습니다. 검증을 보려면 옵션에서 TLS 가로채기를 켜세요.</translation>
    </message>
    <message>
        <source>No upgrade request was sent, so there is nothing to check.</source>
        <translation>업그레이드 요청을 보내지 않았으므로 확인할 것이 없습니다.</translation>
    </message>
    <message>
        <source>The computation appears once the request is sent.</source>
        <translation>요청을 보내면 계산 과정이 나타납니다.</translation>
    </message>
    <message>
        <source>Sec-WebSocket-Key</source>
        <translation>Sec-WebSocket-Key</translation>
    </message>
    <message>
        <source>+ GUID</source>
        <translation>+ GUID</translation>
    </message>
    <message>
        <source>→ SHA-1 (hex)</source>
        <translation>→ SHA-1 (hex)</translation>
    </message>
    <message>
        <source>→ base64 = expected</source>
        <translation>→ base64 = 기대값</translation>
    </message>
    <message>
        <source>received</source>
        <translation>받은 값</translation>
    </message>
    <message>
        <source>(absent)</source>
        <translation>(없음)</translation>
    </message>
    <message>
        <source>(waiting)</source>
        <translation>(대기 중)</translation>
    </message>
    <message>
        <source>not applicable: the server refused the upgrade (%1)</source>
        <translation>해당 없음: 서버가 업그레이드를 거부했습니다 (%1)</translation>
    </message>
    <message>
        <source>PASS</source>
        <translation>통과</translation>
    </message>
    <message>
        <source>FAIL</source>
        <translation>실패</translation>
    </message>
</context>
<context>
    <name>wsi::Cli</name>
    <message>
        <source>--deflate and --no-deflate exclude each other.</source>
        <translation>--deflate와 --no-deflate는 함께 쓸 수 없습니다.</translation>
    </message>
    <message>
        <source>Accept a client&apos;s permessage-deflate offer: compressed frames both ways, messages logged inflated.</source>
        <translation>클라이언트의 permessage-deflate 제안을 받아들입니다. 양방향 프레임이 압축되고, 메시지는 압축 해제되어 기록됩니다.</translation>
    </message>
    <message>
        <source>Decline permessage-deflate (the default).</source>
        <translation>permessage-deflate를 거절합니다 (기본값).</translation>
    </message>
    <message>
        <source>Runs one workload through HTTP polling, long polling, streaming (text/event-stream) and WebSocket on a private test server on loopback, and prints one JSON object per transport: requests and TCP connections made, bytes on the wire split into headers and payload, and delivery latency (p50, p95), all measured on the sockets.</source>
        <translation>루프백의 전용 테스트 서버에서 같은 작업량을 HTTP 폴링, 롱 폴링, 스트리밍(text/event-stream), WebSocket으로 차례로 보내고, 전송 방식마다 JSON 객체 하나를 출력합니다: 보낸 요청과 맺은 TCP 연결 수, 헤더와 페이로드로 나눈 와이어 바이트, 전달 지연 시간(p50, p95). 모두 소켓에서 실제로 잰 값입니다.</translation>
    </message>
    <message>
        <source>Messages the server pushes at irregular times (default %1).</source>
        <translation>서버가 불규칙한 시각에 보내는 메시지 수 (기본값 %1).</translation>
    </message>
    <message>
        <source>Messages the client sends meanwhile (default %1).</source>
        <translation>그동안 클라이언트가 보내는 메시지 수 (기본값 %1).</translation>
    </message>
    <message>
        <source>How long each transport carries the workload (default %1).</source>
        <translation>전송 방식마다 작업량을 보내는 시간 (기본값 %1).</translation>
    </message>
    <message>
        <source>How often the polling client asks (default %1).</source>
        <translation>폴링 클라이언트가 묻는 간격 (기본값 %1).</translation>
    </message>
    <message>
        <source>Request headers to send instead of a Chrome&apos;s, one &quot;Name: value&quot; per line (as copied from the browser&apos;s developer tools).</source>
        <translation>Chrome의 헤더 대신 보낼 요청 헤더. 한 줄에 &quot;Name: value&quot; 하나씩 (브라우저 개발자 도구에서 복사한 그대로).</translation>
    </message>
    <message>
        <source>compare-transports takes no arguments besides its options</source>
        <translation>compare-transports는 옵션 외의 인자를 받지 않습니다</translation>
    </message>
    <message>
        <source>cannot read the headers file &quot;%1&quot;: %2</source>
        <translation>헤더 파일 &quot;%1&quot;을(를) 읽을 수 없습니다: %2</translation>
    </message>
    <message>
        <source>the headers file &quot;%1&quot; holds no &quot;Name: value&quot; line</source>
        <translation>헤더 파일 &quot;%1&quot;에 &quot;Name: value&quot; 줄이 없습니다</translation>
    </message>
    <message>
        <source>--%1 %2: %3</source>
        <translation>--%1 %2: %3</translation>
    </message>
    <message>
        <source>--%1: the file %2 cannot be read: %3.</source>
        <translation>--%1: 파일 %2을(를) 읽을 수 없습니다: %3.</translation>
    </message>
    <message>
        <source>--%1: the file %2 is not valid UTF-8 (the byte at offset %3 is not allowed there); send it as binary with --send-file.</source>
        <translation>--%1: 파일 %2은(는) 올바른 UTF-8이 아닙니다 (오프셋 %3의 바이트가 그 자리에 올 수 없음). --send-file로 바이너리로 보내세요.</translation>
    </message>
    <message>
        <source>--%1: the file %2 is not valid UTF-8 (it ends in the middle of a character); send it as binary with --send-file.</source>
        <translation>--%1: 파일 %2은(는) 올바른 UTF-8이 아닙니다 (문자 중간에서 끝남). --send-file로 바이너리로 보내세요.</translation>
    </message>
    <message>
        <source>--ping: the payload is %1 bytes of UTF-8; a ping&apos;s payload may be at most %2 bytes (RFC 6455 section 5.5).</source>
        <translation>--ping: 페이로드가 UTF-8로 %1바이트입니다. 핑 페이로드는 최대 %2바이트입니다 (RFC 6455 5.5절).</translation>
    </message>
    <message>
        <source>--endpoint: the saved endpoints in %1 cannot be read: %2</source>
        <translation>--endpoint: %1에 저장된 엔드포인트를 읽을 수 없습니다: %2</translation>
    </message>
    <message>
        <source>--endpoint %1: no saved endpoint has that name (%2 saved in %3).</source>
        <translation>--endpoint %1: 그 이름으로 저장된 엔드포인트가 없습니다 (%3에 %2개 저장됨).</translation>
    </message>
    <message>
        <source>--endpoint %1: %2 saved endpoints have that name; write FOLDER/NAME.</source>
        <translation>--endpoint %1: 그 이름의 엔드포인트가 %2개 있습니다. FOLDER/NAME 형식으로 쓰세요.</translation>
    </message>
    <message>
        <source>--tls-min must be 1.2 or 1.3, not %1.</source>
        <translation>--tls-min은 1.2 또는 1.3이어야 합니다 (%1은(는) 안 됨).</translation>
    </message>
    <message>
        <source>Opens one WebSocket connection through the capture core and prints every event as JSON Lines (docs/session-format.md). Everything to send goes out in the order given, once the connection is open.</source>
        <translation>캡처 코어를 거쳐 WebSocket 연결 하나를 열고 모든 이벤트를 JSON Lines로 출력합니다 (docs/session-format.md). 보낼 것은 연결이 열리면 지정한 순서대로 보냅니다.</translation>
    </message>
    <message>
        <source>The command.</source>
        <translation>명령.</translation>
    </message>
    <message>
        <source>ws:// or wss:// URL (or --endpoint NAME instead)</source>
        <translation>ws:// 또는 wss:// URL (또는 대신 --endpoint NAME)</translation>
    </message>
    <message>
        <source>Extra request header &quot;Name: value&quot; (repeatable).</source>
        <translation>추가 요청 헤더 &quot;Name: value&quot; (반복 가능).</translation>
    </message>
    <message>
        <source>Subprotocol to offer (repeatable, in order).</source>
        <translation>제시할 서브프로토콜 (반복 가능, 순서대로).</translation>
    </message>
    <message>
        <source>Origin header value.</source>
        <translation>Origin 헤더 값.</translation>
    </message>
    <message>
        <source>Text message to send; {{variables}} are resolved (repeatable).</source>
        <translation>보낼 텍스트 메시지. {{variables}}를 치환합니다 (반복 가능).</translation>
    </message>
    <message>
        <source>Binary message given as hex (repeatable).</source>
        <translation>hex로 지정한 바이너리 메시지 (반복 가능).</translation>
    </message>
    <message>
        <source>Binary message given as base64 (repeatable).</source>
        <translation>base64로 지정한 바이너리 메시지 (반복 가능).</translation>
    </message>
    <message>
        <source>Binary message: the bytes of a file (repeatable).</source>
        <translation>바이너리 메시지: 파일의 바이트 (반복 가능).</translation>
    </message>
    <message>
        <source>Text message: a UTF-8 file, as is (repeatable).</source>
        <translation>텍스트 메시지: UTF-8 파일 그대로 (반복 가능).</translation>
    </message>
    <message>
        <source>Ping with this UTF-8 payload, at most 125 bytes (repeatable).</source>
        <translation>이 UTF-8 페이로드로 핑, 최대 125바이트 (반복 가능).</translation>
    </message>
    <message>
        <source>Ping without payload (repeatable).</source>
        <translation>페이로드 없이 핑 (반복 가능).</translation>
    </message>
    <message>
        <source>Inject a frame built from SPEC, for testing servers (repeatable).</source>
        <translation>SPEC으로 만든 프레임을 주입합니다. 서버 테스트용 (반복 가능).</translation>
    </message>
    <message>
        <source>Send the whole list N times (1 to 1000000, default 1).</source>
        <translation>전체 목록을 N번 보냅니다 (1부터 1000000까지, 기본값 1).</translation>
    </message>
    <message>
        <source>Pause between repetitions (default 0).</source>
        <translation>반복 사이의 대기 시간 (기본값 0).</translation>
    </message>
    <message>
        <source>A user variable for --send texts, name=value (repeatable).</source>
        <translation>--send 텍스트에 쓸 사용자 변수, name=value (반복 가능).</translation>
    </message>
    <message>
        <source>Send --send texts exactly as given, {{...}} included.</source>
        <translation>--send 텍스트를 {{...}}까지 주어진 그대로 보냅니다.</translation>
    </message>
    <message>
        <source>How long to stay open after sending (default 1000).</source>
        <translation>보낸 뒤 연결을 열어 둘 시간 (기본값 1000).</translation>
    </message>
    <message>
        <source>Close code and optional reason, e.g. 1000 or 4000:done (default 1000).</source>
        <translation>종료 코드와 선택적 사유, 예: 1000 또는 4000:done (기본값 1000).</translation>
    </message>
    <message>
        <source>Bound for connecting and for the closing handshake (default 10000).</source>
        <translation>연결과 종료 핸드셰이크의 제한 시간 (기본값 10000).</translation>
    </message>
    <message>
        <source>Leave frame events out of the output.</source>
        <translation>출력에서 프레임 이벤트를 뺍니다.</translation>
    </message>
    <message>
        <source>Hold the text messages of DIR (out: client to server, in: server to client) that REGEX matches; each is printed as a &quot;held&quot; line and waits for a command on stdin: forward N, drop N or edit N TEXT. Repeatable.</source>
        <translation>DIR 방향(out: 클라이언트에서 서버로, in: 서버에서 클라이언트로)의 텍스트 메시지 중 REGEX와 맞는 것을 붙잡아 둡니다. 붙잡은 메시지마다 &quot;held&quot; 줄을 출력하고 표준 입력의 명령을 기다립니다: forward N, drop N, edit N TEXT. 여러 번 줄 수 있습니다.</translation>
    </message>
    <message>
        <source>In the text messages of DIR, replace every match of REGEX with TEXT (\1 for a captured group). Repeatable; applied in order.</source>
        <translation>DIR 방향의 텍스트 메시지에서 REGEX와 맞는 부분을 모두 TEXT로 바꿉니다(캡처한 그룹은 \1). 여러 번 줄 수 있으며 준 순서대로 적용합니다.</translation>
    </message>
    <message>
        <source>Drop the text messages of DIR that REGEX matches. Repeatable.</source>
        <translation>DIR 방향의 텍스트 메시지 중 REGEX와 맞는 것을 버립니다. 여러 번 줄 수 있습니다.</translation>
    </message>
    <message>
        <source>Do not answer the server&apos;s pings (they are still logged).</source>
        <translation>서버의 핑에 응답하지 않습니다 (로그에는 남음).</translation>
    </message>
    <message>
        <source>wss: proceed past certificate errors (logged in the tls event).</source>
        <translation>wss: 인증서 오류를 무시하고 진행합니다 (tls 이벤트에 기록).</translation>
    </message>
    <message>
        <source>wss: also trust the CA certificates in this PEM file.</source>
        <translation>wss: 이 PEM 파일의 CA 인증서도 신뢰합니다.</translation>
    </message>
    <message>
        <source>wss: client certificate, PEM (with --key) or PKCS#12 (.p12/.pfx).</source>
        <translation>wss: 클라이언트 인증서, PEM(--key와 함께) 또는 PKCS#12 (.p12/.pfx).</translation>
    </message>
    <message>
        <source>wss: the PEM private key for --cert.</source>
        <translation>wss: --cert의 PEM 개인 키.</translation>
    </message>
    <message>
        <source>wss: password of the PKCS#12 file or of the key.</source>
        <translation>wss: PKCS#12 파일 또는 키의 비밀번호.</translation>
    </message>
    <message>
        <source>wss: do not decrypt; only TLS facts and messages are shown.</source>
        <translation>wss: 복호화하지 않습니다. TLS 정보와 메시지만 보여 줍니다.</translation>
    </message>
    <message>
        <source>wss: minimum TLS version, 1.2 (default) or 1.3.</source>
        <translation>wss: 최소 TLS 버전, 1.2(기본값) 또는 1.3.</translation>
    </message>
    <message>
        <source>When the connection drops or fails, open a new one (each attempt its own conn).</source>
        <translation>연결이 끊기거나 실패하면 새로 연결합니다 (시도마다 별도의 conn).</translation>
    </message>
    <message>
        <source>Wait before the first reconnect (default 1000).</source>
        <translation>첫 재연결 전 대기 시간 (기본값 1000).</translation>
    </message>
    <message>
        <source>Longest wait between attempts (default 30000).</source>
        <translation>시도 사이의 최대 대기 시간 (기본값 30000).</translation>
    </message>
    <message>
        <source>Reconnect attempts in all before giving up (default 10).</source>
        <translation>포기하기 전까지의 전체 재연결 시도 횟수 (기본값 10).</translation>
    </message>
    <message>
        <source>Also reconnect after a clean close by the server.</source>
        <translation>서버가 정상 종료한 뒤에도 재연결합니다.</translation>
    </message>
    <message>
        <source>Ping every N ms while open; a missed pong is an error line.</source>
        <translation>연결이 열려 있는 동안 N ms마다 핑을 보냅니다. 퐁이 오지 않으면 오류 줄을 출력합니다.</translation>
    </message>
    <message>
        <source>How long to wait for each pong (default 10000).</source>
        <translation>각 퐁을 기다리는 시간 (기본값 10000).</translation>
    </message>
    <message>
        <source>Close the connection (1001) when a pong is missed.</source>
        <translation>퐁이 오지 않으면 연결을 닫습니다 (1001).</translation>
    </message>
    <message>
        <source>Also write the session as HAR 1.2 to this file when done (secrets masked unless --reveal-secrets).</source>
        <translation>끝나면 세션을 HAR 1.2로 이 파일에도 씁니다 (--reveal-secrets가 없으면 비밀 값은 가림).</translation>
    </message>
    <message>
        <source>--har: write Authorization, cookies and token query parameters unmasked.</source>
        <translation>--har: Authorization, 쿠키, 토큰 쿼리 파라미터를 가리지 않고 씁니다.</translation>
    </message>
    <message>
        <source>Connect to an endpoint saved in the app, with its URL and options as saved; NAME, or FOLDER/NAME.</source>
        <translation>앱에 저장된 엔드포인트에 저장된 URL과 옵션 그대로 연결합니다. NAME 또는 FOLDER/NAME.</translation>
    </message>
    <message>
        <source>--endpoint takes the place of the URL: give one or the other.</source>
        <translation>--endpoint는 URL을 대신합니다. 둘 중 하나만 주세요.</translation>
    </message>
    <message>
        <source>connect needs exactly one URL, e.g. wsinspector-cli connect ws://127.0.0.1:9000/</source>
        <translation>connect에는 URL이 정확히 하나 필요합니다. 예: wsinspector-cli connect ws://127.0.0.1:9000/</translation>
    </message>
    <message>
        <source>close code %1 (%2) may not be sent in a Close frame; use 1000, 1001, or 3000-4999</source>
        <translation>종료 코드 %1 (%2)은(는) Close 프레임으로 보낼 수 없습니다. 1000, 1001 또는 3000-4999를 쓰세요</translation>
    </message>
    <message>
        <source>the close reason is %1 bytes of UTF-8; a Close frame allows 123</source>
        <translation>종료 사유가 UTF-8로 %1바이트입니다. Close 프레임에는 123바이트까지 넣을 수 있습니다</translation>
    </message>
    <message>
        <source>--raw-frame %1: %2</source>
        <translation>--raw-frame %1: %2</translation>
    </message>
    <message>
        <source>--repeat needs something to send: add --send, --send-hex, --send-base64, --send-file, --send-file-text, --ping, --ping-empty or --raw-frame.</source>
        <translation>--repeat에는 보낼 것이 필요합니다: --send, --send-hex, --send-base64, --send-file, --send-file-text, --ping, --ping-empty 또는 --raw-frame을 추가하세요.</translation>
    </message>
    <message>
        <source>--var %1 is not name=value with a name of letters, digits, _ . and - (not starting with a digit).</source>
        <translation>--var %1은(는) name=value 형식이 아닙니다. 이름은 문자, 숫자, _ . - 로 이루어지고 숫자로 시작할 수 없습니다.</translation>
    </message>
    <message>
        <source>--key needs --cert: give the client certificate it belongs to.</source>
        <translation>--key에는 --cert가 필요합니다. 키에 해당하는 클라이언트 인증서를 주세요.</translation>
    </message>
    <message>
        <source>--cert-password needs --cert.</source>
        <translation>--cert-password에는 --cert가 필요합니다.</translation>
    </message>
    <message>
        <source>--%1 applies to wss:// URLs only; this URL is ws://.</source>
        <translation>--%1은(는) wss:// URL에만 적용됩니다. 이 URL은 ws://입니다.</translation>
    </message>
    <message>
        <source>--%1 cannot be combined with --no-intercept yet: it is applied by the intercepting tap.</source>
        <translation>--%1은(는) 아직 --no-intercept와 함께 쓸 수 없습니다. 가로채는 탭이 적용하는 옵션입니다.</translation>
    </message>
    <message>
        <source>--raw-frame cannot be combined with --no-intercept: the tap cannot inject into an encrypted stream.</source>
        <translation>--raw-frame은 --no-intercept와 함께 쓸 수 없습니다. 탭이 암호화된 스트림에 주입할 수 없습니다.</translation>
    </message>
    <message>
        <source>--tls-min cannot be combined with --no-intercept yet: it is applied by the intercepting tap.</source>
        <translation>--tls-min은 아직 --no-intercept와 함께 쓸 수 없습니다. 가로채는 탭이 적용하는 옵션입니다.</translation>
    </message>
    <message>
        <source>--reconnect-max-ms (%1) is shorter than --reconnect-initial-ms (%2).</source>
        <translation>--reconnect-max-ms (%1)이(가) --reconnect-initial-ms (%2)보다 짧습니다.</translation>
    </message>
    <message>
        <source>--%1 needs --reconnect.</source>
        <translation>--%1에는 --reconnect가 필요합니다.</translation>
    </message>
    <message>
        <source>--%1 needs --keepalive-ms.</source>
        <translation>--%1에는 --keepalive-ms가 필요합니다.</translation>
    </message>
    <message>
        <source>--%1 cannot be combined with --endpoint, which uses the saved options as they are; change them in the app, or give the URL and the options.</source>
        <translation>--%1은(는) --endpoint와 함께 쓸 수 없습니다. --endpoint는 저장된 옵션을 그대로 씁니다. 앱에서 옵션을 바꾸거나, URL과 옵션을 직접 주세요.</translation>
    </message>
    <message>
        <source>--raw-frame cannot be used with this endpoint: it is saved without TLS interception, and the tap cannot inject into an encrypted stream.</source>
        <translation>이 엔드포인트에는 --raw-frame을 쓸 수 없습니다. TLS 가로채기 없이 저장되어 있어서 탭이 암호화된 스트림에 주입할 수 없습니다.</translation>
    </message>
    <message>
        <source>--reveal-secrets only applies to --har FILE</source>
        <translation>--reveal-secrets는 --har FILE에만 적용됩니다</translation>
    </message>
    <message>
        <source> Put the rule-breaking --raw-frame last.</source>
        <translation> 규칙을 어기는 --raw-frame은 맨 마지막에 두세요.</translation>
    </message>
    <message>
        <source>Converts between the session log format (.jsonl) and HAR 1.2 (.har), either way; the extension of OUT picks the format written. IN may also be a HAR file saved by Chrome/Chromium DevTools.</source>
        <translation>세션 로그 형식(.jsonl)과 HAR 1.2(.har)를 서로 변환합니다. 쓸 형식은 OUT의 확장자로 정합니다. IN은 Chrome/Chromium DevTools로 저장한 HAR 파일이어도 됩니다.</translation>
    </message>
    <message>
        <source>the command</source>
        <translation>명령</translation>
    </message>
    <message>
        <source>a session log or HAR file</source>
        <translation>세션 로그 또는 HAR 파일</translation>
    </message>
    <message>
        <source>the file to write: .jsonl or .har</source>
        <translation>쓸 파일: .jsonl 또는 .har</translation>
    </message>
    <message>
        <source>Write Authorization, cookies and token query parameters unmasked (masked by default).</source>
        <translation>Authorization, 쿠키, 토큰 쿼리 파라미터를 가리지 않고 씁니다 (기본값은 가림).</translation>
    </message>
    <message>
        <source>convert needs IN and OUT, e.g. wsinspector-cli convert session.jsonl session.har</source>
        <translation>convert에는 IN과 OUT이 필요합니다. 예: wsinspector-cli convert session.jsonl session.har</translation>
    </message>
    <message>
        <source>cannot tell the format of &quot;%1&quot; from its name; use .jsonl (session log) or .har (HAR)</source>
        <translation>&quot;%1&quot;의 이름으로는 형식을 알 수 없습니다. .jsonl(세션 로그) 또는 .har(HAR)를 쓰세요</translation>
    </message>
    <message>
        <source>IN and OUT are the same file</source>
        <translation>IN과 OUT이 같은 파일입니다</translation>
    </message>
    <message>
        <source>missing command; try: wsinspector-cli connect ws://127.0.0.1:9000/ or wsinspector-cli serve</source>
        <translation>명령이 없습니다. 예: wsinspector-cli connect ws://127.0.0.1:9000/ 또는 wsinspector-cli serve</translation>
    </message>
    <message>
        <source>Runs WS Inspector&apos;s local test server and prints every client&apos;s events as JSON Lines (docs/session-format.md), after a &quot;listening&quot; line with the URL. Stops on SIGINT/SIGTERM or after --duration-ms, closing the clients with 1001 Going Away.</source>
        <translation>WS Inspector의 로컬 테스트 서버를 실행하고, URL이 담긴 &quot;listening&quot; 줄 다음에 모든 클라이언트의 이벤트를 JSON Lines로 출력합니다 (docs/session-format.md). SIGINT/SIGTERM을 받거나 --duration-ms가 지나면 클라이언트를 1001 Going Away로 닫고 멈춥니다.</translation>
    </message>
    <message>
        <source>Address to bind (default 127.0.0.1).</source>
        <translation>바인드할 주소 (기본값 127.0.0.1).</translation>
    </message>
    <message>
        <source>Port (default 0: a free one, shown in the listening line).</source>
        <translation>포트 (기본값 0: 사용 가능한 포트, listening 줄에 표시).</translation>
    </message>
    <message>
        <source>echo (default), broadcast, manual, silent or reject.</source>
        <translation>echo(기본값), broadcast, manual, silent 또는 reject.</translation>
    </message>
    <message>
        <source>HTTP status of --mode reject (default 403).</source>
        <translation>--mode reject의 HTTP 상태 (기본값 403).</translation>
    </message>
    <message>
        <source>A supported subprotocol (repeatable, in preference order).</source>
        <translation>지원하는 서브프로토콜 (반복 가능, 선호 순서대로).</translation>
    </message>
    <message>
        <source>An allowed Origin; others get 403 (repeatable).</source>
        <translation>허용할 Origin. 그 외에는 403 (반복 가능).</translation>
    </message>
    <message>
        <source>Serve wss:// (with --cert/--key, or a certificate from the app&apos;s CA).</source>
        <translation>wss://로 서비스합니다 (--cert/--key 또는 앱의 CA가 만든 인증서 사용).</translation>
    </message>
    <message>
        <source>PEM certificate (chain) for --tls.</source>
        <translation>--tls용 PEM 인증서 (체인).</translation>
    </message>
    <message>
        <source>PEM private key for --tls.</source>
        <translation>--tls용 PEM 개인 키.</translation>
    </message>
    <message>
        <source>At most N clients at once; more get 503 (0: no limit).</source>
        <translation>동시에 최대 N개 클라이언트, 그 이상은 503 (0: 제한 없음).</translation>
    </message>
    <message>
        <source>Close a client idle this long with 1001 (0: never).</source>
        <translation>이 시간 동안 유휴 상태인 클라이언트를 1001로 닫습니다 (0: 사용 안 함).</translation>
    </message>
    <message>
        <source>Stop after this long (0: run until SIGINT/SIGTERM).</source>
        <translation>이 시간이 지나면 멈춥니다 (0: SIGINT/SIGTERM까지 실행).</translation>
    </message>
    <message>
        <source>serve takes no URL or other arguments: &quot;%1&quot;</source>
        <translation>serve는 URL이나 다른 인자를 받지 않습니다: &quot;%1&quot;</translation>
    </message>
    <message>
        <source>--host needs an IP address such as 127.0.0.1, 0.0.0.0 or ::1, not &quot;%1&quot;.</source>
        <translation>--host에는 127.0.0.1, 0.0.0.0, ::1 같은 IP 주소가 필요합니다 (&quot;%1&quot;은(는) 안 됨).</translation>
    </message>
    <message>
        <source>--mode must be echo, broadcast, manual, silent or reject, not &quot;%1&quot;.</source>
        <translation>--mode는 echo, broadcast, manual, silent, reject 중 하나여야 합니다 (&quot;%1&quot;은(는) 안 됨).</translation>
    </message>
    <message>
        <source>--reject-status applies to --mode reject only.</source>
        <translation>--reject-status는 --mode reject에만 적용됩니다.</translation>
    </message>
    <message>
        <source>--cert and --key need --tls.</source>
        <translation>--cert와 --key에는 --tls가 필요합니다.</translation>
    </message>
    <message>
        <source>The file &quot;%1&quot; does not exist or cannot be read.</source>
        <translation>파일 &quot;%1&quot;이(가) 없거나 읽을 수 없습니다.</translation>
    </message>
    <message>
        <source>--%1 needs a whole number from %2 to %3, not &quot;%4&quot;.</source>
        <translation>--%1에는 %2부터 %3까지의 정수가 필요합니다 (&quot;%4&quot;은(는) 안 됨).</translation>
    </message>
    <message>
        <source>Keep N MiB of payloads per connection in full, then the first 1024 bytes of each message (default 4096; 0: no limit).</source>
        <translation>연결마다 페이로드를 N MiB까지 전부 보관하고, 그 뒤로는 메시지마다 처음 1024바이트만 보관합니다(기본값 4096, 0: 한도 없음).</translation>
    </message>
    <message>
        <source>Decode what rides on WebSocket: auto (default), none, socketio, stomp, graphql-ws, jsonrpc, mqtt or signalr.</source>
        <translation>WebSocket 위에서 오가는 프로토콜을 디코딩합니다: auto(기본값), none, socketio, stomp, graphql-ws, jsonrpc, mqtt, signalr.</translation>
    </message>
    <message>
        <source>Runs WS Inspector&apos;s reverse proxy: every WebSocket client that connects is relayed to the --to URL, and both legs of each connection are printed as JSON Lines (docs/session-format.md), each event with &quot;leg&quot;:&quot;client&quot; or &quot;leg&quot;:&quot;server&quot;, after a &quot;listening&quot; line with the URL. Stops on SIGINT/SIGTERM or after --duration-ms.</source>
        <translation>WS Inspector의 리버스 프록시를 실행합니다. 접속하는 모든 WebSocket 클라이언트를 --to URL로 중계하고, 각 연결의 양쪽 구간을 JSON Lines(docs/session-format.md)로 출력합니다. URL이 담긴 &quot;listening&quot; 줄 다음에 오는 각 이벤트에는 &quot;leg&quot;:&quot;client&quot; 또는 &quot;leg&quot;:&quot;server&quot;가 붙습니다. SIGINT/SIGTERM을 받거나 --duration-ms가 지나면 멈춥니다.</translation>
    </message>
    <message>
        <source>The upstream ws:// or wss:// URL every client is relayed to.</source>
        <translation>모든 클라이언트를 중계할 업스트림 ws:// 또는 wss:// URL.</translation>
    </message>
    <message>
        <source>Forward the client&apos;s Host header instead of the upstream&apos;s.</source>
        <translation>업스트림의 Host 헤더 대신 클라이언트가 보낸 Host 헤더를 그대로 전달합니다.</translation>
    </message>
    <message>
        <source>wss upstream: proceed past certificate errors (logged in the tls event).</source>
        <translation>wss 업스트림: 인증서 오류가 있어도 계속 진행합니다 (tls 이벤트에 기록됨).</translation>
    </message>
    <message>
        <source>wss upstream: also trust the CA certificates in this PEM file.</source>
        <translation>wss 업스트림: 이 PEM 파일의 CA 인증서도 신뢰합니다.</translation>
    </message>
    <message>
        <source>wss upstream: minimum TLS version, 1.2 (default) or 1.3.</source>
        <translation>wss 업스트림: 최소 TLS 버전, 1.2(기본값) 또는 1.3.</translation>
    </message>
    <message>
        <source>proxy takes no other arguments (the upstream is --to URL): &quot;%1&quot;</source>
        <translation>proxy는 다른 인자를 받지 않습니다 (업스트림은 --to URL로 지정): &quot;%1&quot;</translation>
    </message>
    <message>
        <source>--tls-min must be 1.2 or 1.3, not &quot;%1&quot;.</source>
        <translation>--tls-min은 1.2 또는 1.3이어야 합니다 (&quot;%1&quot;은(는) 안 됩니다).</translation>
    </message>
    <message>
        <source>--%1 applies to a wss:// upstream only.</source>
        <translation>--%1은(는) wss:// 업스트림에만 쓸 수 있습니다.</translation>
    </message>
    <message>
        <source>Headless twin of WS Inspector: prints every event of WebSocket connections as JSON Lines (docs/session-format.md).

  wsinspector-cli connect URL [options]   open a connection, send, close
  wsinspector-cli serve [options]         run the local test server
  wsinspector-cli proxy --to URL [opts]   reverse proxy to URL, both legs recorded
  wsinspector-cli proxy [opts]            forward HTTP proxy (CONNECT, TLS intercepted), both legs
  wsinspector-cli convert IN OUT          session log (.jsonl) &lt;-&gt; HAR (.har)
  wsinspector-cli compare-transports      polling, long polling, streaming and WebSocket measured

wsinspector-cli COMMAND --help shows the options of a command.</source>
        <translation>WS Inspector의 헤드리스 버전: WebSocket 연결의 모든 이벤트를 JSON Lines로 출력합니다 (docs/session-format.md).

  wsinspector-cli connect URL [options]   연결을 열고, 보내고, 닫기
  wsinspector-cli serve [options]         로컬 테스트 서버 실행
  wsinspector-cli proxy --to URL [opts]   URL로 가는 리버스 프록시, 양쪽 구간 기록
  wsinspector-cli proxy [opts]            포워드 HTTP 프록시 (CONNECT, TLS 가로채기), 양쪽 구간 기록
  wsinspector-cli convert IN OUT          세션 로그 (.jsonl) &lt;-&gt; HAR (.har)
  wsinspector-cli compare-transports      폴링, 롱 폴링, 스트리밍, WebSocket 실측 비교

wsinspector-cli COMMAND --help 로 명령의 옵션을 볼 수 있습니다.</translation>
    </message>
    <message>
        <source>connect, serve, proxy, convert or compare-transports</source>
        <translation>connect, serve, proxy, convert 또는 compare-transports</translation>
    </message>
    <message>
        <source>unknown command &quot;%1&quot;; the commands are: connect, serve, proxy, convert, compare-transports</source>
        <translation>알 수 없는 명령 &quot;%1&quot;. 명령은 connect, serve, proxy, convert, compare-transports입니다</translation>
    </message>
    <message>
        <source>Do not answer what the detected protocol needs to stay connected (Engine.IO pong, STOMP heart-beat, graphql-ws pong).</source>
        <translation>감지한 프로토콜이 연결을 유지하는 데 필요한 응답(Engine.IO pong, STOMP heart-beat, graphql-ws pong)을 보내지 않습니다.</translation>
    </message>
    <message>
        <source>Pair your own protocol&apos;s requests with their replies: a JSON message with this path (e.g. $.reqId) is a request. Needs --pair-reply.</source>
        <translation>직접 정의한 프로토콜의 요청과 응답을 짝지웁니다: 이 경로(예: $.reqId)가 있는 JSON 메시지가 요청입니다. --pair-reply가 필요합니다.</translation>
    </message>
    <message>
        <source>The path in a reply whose value equals the request&apos;s (e.g. $.inReplyTo); the reply line gains &quot;pair&quot;.</source>
        <translation>값이 요청의 값과 같은 응답 안의 경로(예: $.inReplyTo). 응답 줄에 &quot;pair&quot;가 붙습니다.</translation>
    </message>
    <message>
        <source>Optional: the path in a request that names it for latency statistics (e.g. $.type).</source>
        <translation>선택 사항: 지연 시간 통계에서 요청의 이름이 되는 요청 안의 경로(예: $.type).</translation>
    </message>
    <message>
        <source>a pairing rule needs both --pair-request and --pair-reply (e.g. --pair-request &apos;$.id&apos; --pair-reply &apos;$.inReplyTo&apos;).</source>
        <translation>짝 맞춤 규칙에는 --pair-request와 --pair-reply가 모두 필요합니다(예: --pair-request &apos;$.id&apos; --pair-reply &apos;$.inReplyTo&apos;).</translation>
    </message>
    <message>
        <source>Without --to it runs the forward HTTP proxy instead: give browsers and apps the &quot;proxy&quot; address of the listening line; CONNECT tunnels (TLS intercepted with WS Inspector&apos;s own CA) and plain requests are served, every WebSocket through it is recorded on both legs, other HTTP passes through.</source>
        <translation>--to가 없으면 대신 포워드 HTTP 프록시를 실행합니다. 브라우저와 앱에는 listening 줄의 &quot;proxy&quot; 주소를 알려 주세요. CONNECT 터널(TLS는 WS Inspector 자체 CA로 가로챔)과 일반 요청을 처리하며, 이 프록시를 거치는 모든 WebSocket은 양쪽 구간이 기록되고 다른 HTTP는 그대로 통과합니다.</translation>
    </message>
    <message>
        <source>Forward proxy: open this URL in Chromium (/usr/bin/chromium) through the proxy, with a temporary profile and the CA trusted by its SPKI hash; Chromium is closed when the proxy stops.</source>
        <translation>포워드 프록시: 이 URL을 프록시를 거쳐 Chromium(/usr/bin/chromium)에서 엽니다. 임시 프로필을 쓰고 CA는 SPKI 해시로 신뢰합니다. 프록시가 멈추면 Chromium도 닫힙니다.</translation>
    </message>
    <message>
        <source>Forward proxy: run that Chromium headless.</source>
        <translation>포워드 프록시: 그 Chromium을 헤드리스로 실행합니다.</translation>
    </message>
    <message>
        <source>--%1 applies to the forward proxy only (without --to).</source>
        <translation>--%1은(는) 포워드 프록시(--to 없이)에만 쓸 수 있습니다.</translation>
    </message>
    <message>
        <source>--keep-host applies to the reverse proxy only: the forward proxy always keeps Host.</source>
        <translation>--keep-host는 리버스 프록시에만 쓸 수 있습니다. 포워드 프록시는 Host를 항상 그대로 둡니다.</translation>
    </message>
    <message>
        <source>--chromium needs a URL, not &quot;%1&quot;.</source>
        <translation>--chromium에는 URL이 필요합니다 (&quot;%1&quot;은(는) 안 됩니다).</translation>
    </message>
    <message>
        <source>builtin (default) or qt: Qt&apos;s own QWebSocketServer behind the recording relay, each client with a client and a server leg (echo and silent modes only, no --tls).</source>
        <translation>builtin(기본값) 또는 qt: 기록하는 중계기 뒤에서 Qt 자체의 QWebSocketServer가 응답하며, 클라이언트마다 클라이언트 구간과 서버 구간이 기록됩니다(echo와 silent 모드만, --tls 없음).</translation>
    </message>
    <message>
        <source>--engine must be builtin or qt, not &quot;%1&quot;.</source>
        <translation>--engine은 builtin 또는 qt여야 합니다. &quot;%1&quot;은(는) 쓸 수 없습니다.</translation>
    </message>
</context>
<context>
    <name>wsi::CloseCodes</name>
    <message>
        <source>The connection finished the job it was opened for.</source>
        <translation>연결이 열린 목적을 마쳤습니다.</translation>
    </message>
    <message>
        <source>The endpoint is going away, for example a server shutting down or a browser leaving the page.</source>
        <translation>엔드포인트가 떠납니다. 예를 들어 서버가 종료되거나 브라우저가 페이지를 벗어난 경우입니다.</translation>
    </message>
    <message>
        <source>The endpoint is closing because the peer broke the WebSocket protocol.</source>
        <translation>상대가 WebSocket 프로토콜을 어겨서 엔드포인트가 연결을 닫습니다.</translation>
    </message>
    <message>
        <source>The endpoint received a type of data it cannot accept, for example binary when it only understands text.</source>
        <translation>엔드포인트가 받을 수 없는 종류의 데이터를 받았습니다. 예를 들어 텍스트만 이해하는데 바이너리가 온 경우입니다.</translation>
    </message>
    <message>
        <source>Reserved by RFC 6455 with no meaning yet; it must not be sent on the wire.</source>
        <translation>RFC 6455가 예약해 두었고 아직 의미가 없습니다. 와이어로 보내면 안 됩니다.</translation>
    </message>
    <message>
        <source>Used locally when a Close frame carried no status code; it must not be sent on the wire.</source>
        <translation>Close 프레임에 상태 코드가 없을 때 로컬에서만 쓰는 코드입니다. 와이어로 보내면 안 됩니다.</translation>
    </message>
    <message>
        <source>Used locally when the connection dropped without a Close frame; it must not be sent on the wire.</source>
        <translation>Close 프레임 없이 연결이 끊겼을 때 로컬에서만 쓰는 코드입니다. 와이어로 보내면 안 됩니다.</translation>
    </message>
    <message>
        <source>The endpoint received data inconsistent with the message type, such as invalid UTF-8 in a text message.</source>
        <translation>엔드포인트가 메시지 유형과 맞지 않는 데이터를 받았습니다. 예를 들어 텍스트 메시지에 잘못된 UTF-8이 들어 있는 경우입니다.</translation>
    </message>
    <message>
        <source>The endpoint received a message that violates its policy; a generic code when no better one fits.</source>
        <translation>엔드포인트가 자신의 정책에 어긋나는 메시지를 받았습니다. 더 알맞은 코드가 없을 때 쓰는 일반 코드입니다.</translation>
    </message>
    <message>
        <source>The endpoint received a message too big for it to process.</source>
        <translation>엔드포인트가 처리하기에 너무 큰 메시지를 받았습니다.</translation>
    </message>
    <message>
        <source>The client is closing because the server did not negotiate an extension the client requires.</source>
        <translation>클라이언트에 꼭 필요한 확장을 서버가 협상하지 않아서 클라이언트가 연결을 닫습니다.</translation>
    </message>
    <message>
        <source>The server hit an unexpected condition that kept it from fulfilling the request.</source>
        <translation>서버가 예상하지 못한 상황을 만나 요청을 처리하지 못했습니다.</translation>
    </message>
    <message>
        <source>The server is restarting; the client may reconnect after a short delay.</source>
        <translation>서버가 재시작하는 중입니다. 클라이언트는 잠시 뒤에 다시 연결해도 됩니다.</translation>
    </message>
    <message>
        <source>The server is overloaded or temporarily unable to serve; the client should retry later.</source>
        <translation>서버가 과부하 상태이거나 일시적으로 요청을 처리할 수 없습니다. 클라이언트는 나중에 다시 시도해야 합니다.</translation>
    </message>
    <message>
        <source>A gateway or proxy received an invalid response from the upstream server.</source>
        <translation>게이트웨이나 프록시가 업스트림 서버에서 잘못된 응답을 받았습니다.</translation>
    </message>
    <message>
        <source>Used locally when the TLS handshake failed; it must not be sent on the wire.</source>
        <translation>TLS 핸드셰이크가 실패했을 때 로컬에서만 쓰는 코드입니다. 와이어로 보내면 안 됩니다.</translation>
    </message>
    <message>
        <source>Reserved for future revisions of the WebSocket protocol; it must not be sent on the wire yet.</source>
        <translation>WebSocket 프로토콜의 향후 개정을 위해 예약된 코드입니다. 아직 와이어로 보내면 안 됩니다.</translation>
    </message>
    <message>
        <source>Registered with IANA for use by libraries, frameworks and applications; the meaning is set by the registrant.</source>
        <translation>라이브러리, 프레임워크, 애플리케이션용으로 IANA에 등록된 코드입니다. 의미는 등록한 쪽이 정합니다.</translation>
    </message>
    <message>
        <source>Reserved for private use by the application; the meaning is agreed between client and server.</source>
        <translation>애플리케이션 전용으로 예약된 코드입니다. 의미는 클라이언트와 서버가 서로 정합니다.</translation>
    </message>
    <message>
        <source>Not a close code: status codes below 1000 and from 5000 up are never valid.</source>
        <translation>종료 코드가 아닙니다. 1000 미만이나 5000 이상의 상태 코드는 언제나 유효하지 않습니다.</translation>
    </message>
</context>
<context>
    <name>wsi::CloseDialog</name>
    <message>
        <source>Other code (3000-4999)…</source>
        <translation>다른 코드 (3000-4999)…</translation>
    </message>
    <message>
        <source>Send Close</source>
        <translation>Close 보내기</translation>
    </message>
    <message>
        <source>%1 of %2 bytes</source>
        <translation>%1 / %2바이트</translation>
    </message>
</context>
<context>
    <name>wsi::CloseExplainer</name>
    <message>
        <source>this client</source>
        <translation>이 클라이언트</translation>
    </message>
    <message>
        <source>the server</source>
        <translation>서버</translation>
    </message>
    <message>
        <source>this server</source>
        <translation>이 서버</translation>
    </message>
    <message>
        <source>the client</source>
        <translation>클라이언트</translation>
    </message>
    <message>
        <source>no status code</source>
        <translation>상태 코드 없음</translation>
    </message>
    <message>
        <source>Close from %1 without a status code (1005 No Status Received)</source>
        <translation>%1에서 상태 코드 없이 보낸 Close (1005 No Status Received)</translation>
    </message>
    <message>
        <source>Close from %1: %2 %3</source>
        <translation>%1에서 보낸 Close: %2 %3</translation>
    </message>
    <message>
        <source>, reason &quot;%1&quot;</source>
        <translation>, 사유 &quot;%1&quot;</translation>
    </message>
    <message>
        <source>Check the host name in the URL (a typo, a missing domain); try the IP address or another DNS server.</source>
        <translation>URL의 호스트 이름을 확인하세요(오타, 빠진 도메인). IP 주소나 다른 DNS 서버로도 시도해 보세요.</translation>
    </message>
    <message>
        <source>Is the server running and listening on that port? Check the port number, and that it listens on this address (127.0.0.1 vs 0.0.0.0).</source>
        <translation>서버가 실행 중이고 그 포트에서 수신 대기하고 있나요? 포트 번호와, 서버가 이 주소에서 수신 대기하는지(127.0.0.1과 0.0.0.0) 확인하세요.</translation>
    </message>
    <message>
        <source>Nothing answered: check the host and port, and whether a firewall drops the packets.</source>
        <translation>아무 응답이 없습니다. 호스트와 포트, 그리고 방화벽이 패킷을 버리고 있지 않은지 확인하세요.</translation>
    </message>
    <message>
        <source>The TCP connection dropped: check the server&apos;s logs, and any proxy or load balancer that closes idle connections (a keepalive ping can help).</source>
        <translation>TCP 연결이 끊겼습니다. 서버 로그와, 유휴 연결을 닫는 프록시나 로드 밸런서가 있는지 확인하세요(킵얼라이브 핑이 도움이 될 수 있습니다).</translation>
    </message>
    <message>
        <source>See the TLS section: the certificate chain, the host name it is valid for, its dates and the protocol the server offers.</source>
        <translation>TLS 영역을 보세요. 인증서 체인, 인증서가 유효한 호스트 이름과 기간, 서버가 제공하는 프로토콜을 확인하세요.</translation>
    </message>
    <message>
        <source>Check the proxy settings: address, port and credentials.</source>
        <translation>프록시 설정(주소, 포트, 자격 증명)을 확인하세요.</translation>
    </message>
    <message>
        <source>See the response body: the server refused the upgrade; check credentials, tokens, cookies and the Origin header.</source>
        <translation>응답 본문을 보세요. 서버가 업그레이드를 거부했습니다. 자격 증명, 토큰, 쿠키, Origin 헤더를 확인하세요.</translation>
    </message>
    <message>
        <source>See the response body: the path in the URL is not a WebSocket endpoint.</source>
        <translation>응답 본문을 보세요. URL의 경로가 WebSocket 엔드포인트가 아닙니다.</translation>
    </message>
    <message>
        <source>See the response body and the server&apos;s logs: the server failed to handle the upgrade.</source>
        <translation>응답 본문과 서버 로그를 보세요. 서버가 업그레이드를 처리하지 못했습니다.</translation>
    </message>
    <message>
        <source>See the response body: the server refused the upgrade request as sent (headers, subprotocol, version).</source>
        <translation>응답 본문을 보세요. 서버가 보낸 그대로의 업그레이드 요청을 거부했습니다(헤더, 서브프로토콜, 버전).</translation>
    </message>
    <message>
        <source>See the response: the server did not answer the upgrade with 101.</source>
        <translation>응답을 보세요. 서버가 업그레이드에 101로 답하지 않았습니다.</translation>
    </message>
    <message>
        <source>The peer broke a rule of RFC 6455 (named in the error): check the peer&apos;s implementation; a non-zero RSV1 means it forced permessage-deflate, which Qt cannot decode.</source>
        <translation>상대가 RFC 6455 규칙(오류에 적힌 규칙)을 어겼습니다. 상대의 구현을 확인하세요. RSV1이 0이 아니면 상대가 permessage-deflate를 강제로 쓴 것인데, Qt는 이를 디코딩할 수 없습니다.</translation>
    </message>
    <message>
        <source>Check the connection options (URL, headers, subprotocols).</source>
        <translation>연결 옵션(URL, 헤더, 서브프로토콜)을 확인하세요.</translation>
    </message>
    <message>
        <source>The peer went away (shutdown, page left): reconnect when it is back.</source>
        <translation>상대가 떠났습니다(종료, 페이지 이동). 다시 돌아오면 재연결하세요.</translation>
    </message>
    <message>
        <source>A protocol error: look at the frames just before the Close.</source>
        <translation>프로토콜 오류입니다. Close 바로 앞의 프레임들을 보세요.</translation>
    </message>
    <message>
        <source>The peer cannot take this kind of data: send text instead of binary or the other way round.</source>
        <translation>상대가 이런 종류의 데이터를 받지 못합니다. 바이너리 대신 텍스트로, 또는 그 반대로 보내세요.</translation>
    </message>
    <message>
        <source>No status code was given: look at the peer&apos;s logs for why it closed.</source>
        <translation>상태 코드가 없습니다. 상대가 왜 닫았는지 상대의 로그를 보세요.</translation>
    </message>
    <message>
        <source>The payload did not match the message type: check for invalid UTF-8 in text messages.</source>
        <translation>페이로드가 메시지 유형과 맞지 않습니다. 텍스트 메시지에 잘못된 UTF-8이 있는지 확인하세요.</translation>
    </message>
    <message>
        <source>A policy violation: check authentication, tokens, rate limits and message contents against the server&apos;s rules.</source>
        <translation>정책 위반입니다. 인증, 토큰, 전송 속도 제한, 메시지 내용이 서버 규칙에 맞는지 확인하세요.</translation>
    </message>
    <message>
        <source>The message was too big for the peer: send smaller messages or raise its limit.</source>
        <translation>상대에게 메시지가 너무 컸습니다. 메시지를 더 작게 보내거나 상대의 한도를 올리세요.</translation>
    </message>
    <message>
        <source>The client needs an extension the server did not accept: compare the Sec-WebSocket-Extensions headers.</source>
        <translation>클라이언트에 필요한 확장을 서버가 받아들이지 않았습니다. Sec-WebSocket-Extensions 헤더를 비교해 보세요.</translation>
    </message>
    <message>
        <source>The server failed internally: look at the server&apos;s logs.</source>
        <translation>서버 내부에서 실패했습니다. 서버 로그를 보세요.</translation>
    </message>
    <message>
        <source>The server is restarting: reconnect after a short delay.</source>
        <translation>서버가 재시작하는 중입니다. 잠시 뒤에 재연결하세요.</translation>
    </message>
    <message>
        <source>The server is overloaded: reconnect later, with backoff.</source>
        <translation>서버가 과부하 상태입니다. 백오프를 두고 나중에 재연결하세요.</translation>
    </message>
    <message>
        <source>A gateway got a bad answer from upstream: check the server behind the proxy.</source>
        <translation>게이트웨이가 업스트림에서 잘못된 응답을 받았습니다. 프록시 뒤의 서버를 확인하세요.</translation>
    </message>
    <message>
        <source>A registered code: its meaning is set by the library or framework that registered it (e.g. 3000 Unauthorized, 3003 Forbidden, 3008 Timeout); see its documentation.</source>
        <translation>등록된 코드입니다. 의미는 이 코드를 등록한 라이브러리나 프레임워크가 정합니다(예: 3000 Unauthorized, 3003 Forbidden, 3008 Timeout). 해당 문서를 보세요.</translation>
    </message>
    <message>
        <source>A private code: its meaning is agreed between this client and the server; see the application&apos;s documentation and the reason text.</source>
        <translation>애플리케이션 전용 코드입니다. 의미는 이 클라이언트와 서버가 서로 정합니다. 애플리케이션 문서와 사유 텍스트를 보세요.</translation>
    </message>
    <message>
        <source>This code is not valid on the wire: the peer broke RFC 6455 section 7.4.</source>
        <translation>와이어에서 유효하지 않은 코드입니다. 상대가 RFC 6455 7.4절를 어겼습니다.</translation>
    </message>
    <message>
        <source>Not open yet.</source>
        <translation>아직 열리지 않았습니다.</translation>
    </message>
    <message>
        <source>The server refused the upgrade with %1 %2.</source>
        <translation>서버가 %1 %2 응답으로 업그레이드를 거부했습니다.</translation>
    </message>
    <message>
        <source>Response body: %1</source>
        <translation>응답 본문: %1</translation>
    </message>
    <message>
        <source>The WebSocket never opened.</source>
        <translation>WebSocket이 열리지 않았습니다.</translation>
    </message>
    <message>
        <source>What to try: %1</source>
        <translation>해 볼 것: %1</translation>
    </message>
    <message>
        <source>%1 closed first.</source>
        <translation>%1가 먼저 닫았습니다.</translation>
    </message>
    <message>
        <source>, %1 later.</source>
        <translation>, %1 뒤.</translation>
    </message>
    <message>
        <source>Clean close: both Close frames crossed the wire.</source>
        <translation>정상 종료: 양쪽 Close 프레임이 모두 와이어를 지나갔습니다.</translation>
    </message>
    <message>
        <source>No Close frame came back from %1: the closing handshake did not finish.</source>
        <translation>%1에서 Close 프레임이 돌아오지 않았습니다. 종료 핸드셰이크가 끝나지 않았습니다.</translation>
    </message>
    <message>
        <source>%1 closed without a status code</source>
        <translation>%1가 상태 코드 없이 닫았습니다</translation>
    </message>
    <message>
        <source>%1 closed with %2 %3</source>
        <translation>%1가 %2 %3 코드로 닫았습니다</translation>
    </message>
    <message>
        <source> &quot;%1&quot;</source>
        <translation> (사유 &quot;%1&quot;)</translation>
    </message>
    <message>
        <source>; %1 answered %2 later (clean).</source>
        <translation>; %1가 %2 뒤에 응답했습니다(정상 종료).</translation>
    </message>
    <message>
        <source>; no Close came back.</source>
        <translation>; Close가 돌아오지 않았습니다.</translation>
    </message>
    <message>
        <source>Open.</source>
        <translation>열림.</translation>
    </message>
    <message>
        <source> from %1</source>
        <translation> (%1에서)</translation>
    </message>
    <message>
        <source>%1, %2 before the end</source>
        <translation>%1, 끝나기 %2 전</translation>
    </message>
    <message>
        <source>Abnormal closure (1006): no Close frame either way; the TCP connection dropped.</source>
        <translation>비정상 종료(1006): 어느 쪽에서도 Close 프레임이 없었고 TCP 연결이 끊겼습니다.</translation>
    </message>
    <message>
        <source> Last seen: %1.</source>
        <translation> 마지막으로 본 것: %1.</translation>
    </message>
    <message>
        <source>Error (%1): %2</source>
        <translation>오류(%1): %2</translation>
    </message>
    <message>
        <source>This client</source>
        <translation>이 클라이언트</translation>
    </message>
    <message>
        <source>The server</source>
        <translation>서버</translation>
    </message>
    <message>
        <source>This server</source>
        <translation>이 서버</translation>
    </message>
    <message>
        <source>The client</source>
        <translation>클라이언트</translation>
    </message>
</context>
<context>
    <name>wsi::Composer</name>
    <message>
        <source>Protocol</source>
        <translation>프로토콜</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>메시지</translation>
    </message>
    <message>
        <source>Raw Frame (for testing servers)</source>
        <translation>Raw 프레임 (서버 테스트용)</translation>
    </message>
    <message>
        <source>Saved</source>
        <translation>저장됨</translation>
    </message>
    <message>
        <source>The ping payload is %1 bytes; a control frame carries at most 125 bytes. Shorten it, or use the oversized-ping preset in Raw Frame mode to test the server.</source>
        <translation>핑 페이로드가 %1바이트입니다. 제어 프레임은 최대 125바이트까지 담습니다. 줄이거나, 서버를 테스트하려면 Raw 프레임 모드의 oversized-ping 프리셋을 쓰세요.</translation>
    </message>
    <message>
        <source>The ping was not sent: the connection is not open.</source>
        <translation>핑을 보내지 않았습니다: 연결이 열려 있지 않습니다.</translation>
    </message>
    <message>
        <source>Files are not saved; save a text, JSON, hex or base64 message.</source>
        <translation>파일은 저장하지 않습니다. 텍스트, JSON, hex, base64 메시지를 저장하세요.</translation>
    </message>
</context>
<context>
    <name>wsi::ComposerControlRow</name>
    <message>
        <source>ping payload (optional)</source>
        <translation>핑 페이로드 (선택 사항)</translation>
    </message>
    <message>
        <source>Text sent in the Ping frame; a control frame carries at most 125 bytes</source>
        <translation>Ping 프레임에 담아 보낼 텍스트입니다. 제어 프레임은 최대 125바이트까지 담습니다</translation>
    </message>
    <message>
        <source>Ping</source>
        <translation>핑</translation>
    </message>
    <message>
        <source>Send a Ping frame; the Pong and its round trip appear in the log</source>
        <translation>Ping 프레임을 보냅니다. Pong과 왕복 시간이 로그에 나타납니다</translation>
    </message>
    <message>
        <source>Close…</source>
        <translation>닫기…</translation>
    </message>
    <message>
        <source>Send a Close frame with a code and reason of your choice</source>
        <translation>원하는 코드와 사유로 Close 프레임을 보냅니다</translation>
    </message>
    <message>
        <source>Repeat</source>
        <translation>반복</translation>
    </message>
    <message>
        <source> ×</source>
        <translation> ×</translation>
    </message>
    <message>
        <source>How many times to send the message (at most %1)</source>
        <translation>메시지를 보낼 횟수 (최대 %1)</translation>
    </message>
    <message>
        <source>every</source>
        <translation>간격</translation>
    </message>
    <message>
        <source> ms</source>
        <translation> ms</translation>
    </message>
    <message>
        <source>Milliseconds between sends; variables are resolved for each one</source>
        <translation>전송 사이의 밀리초. 변수는 보낼 때마다 새로 치환합니다</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>시작</translation>
    </message>
    <message>
        <source>Send the message repeatedly; stops by itself when the connection closes</source>
        <translation>메시지를 반복해서 보냅니다. 연결이 닫히면 저절로 멈춥니다</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>중지</translation>
    </message>
    <message>
        <source>Stop repeating</source>
        <translation>반복 중지</translation>
    </message>
    <message>
        <source>Not sent: %1</source>
        <translation>보내지 않음: %1</translation>
    </message>
</context>
<context>
    <name>wsi::ComposerHeader</name>
    <message>
        <source>&lt;b&gt;Compose&lt;/b&gt;</source>
        <translation>&lt;b&gt;작성&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Auto-pong</source>
        <translation>자동 퐁</translation>
    </message>
    <message>
        <source>On: the client answers the server&apos;s pings at once, as every client does.
Off: the wire tap holds the server&apos;s pings back (the log still shows each one), so no pong is sent and you can watch how the server handles a silent client.</source>
        <translation>켜짐: 여느 클라이언트처럼 서버의 핑에 바로 응답합니다.
꺼짐: 와이어 탭이 서버의 핑을 붙잡아 두므로(로그에는 모두 표시) 퐁을 보내지 않습니다. 서버가 응답 없는 클라이언트를 어떻게 다루는지 볼 수 있습니다.</translation>
    </message>
    <message>
        <source>select or open a connection to send</source>
        <translation>보내려면 연결을 선택하거나 여세요</translation>
    </message>
    <message>
        <source>an imported or reopened session is read-only; connect to its URL to send</source>
        <translation>가져오거나 다시 연 세션은 읽기 전용입니다. 보내려면 그 URL로 연결하세요</translation>
    </message>
    <message>
        <source>waiting for the connection to open</source>
        <translation>연결이 열리기를 기다리는 중</translation>
    </message>
    <message>
        <source>the connection is no longer open (%1); connect again to send</source>
        <translation>연결이 더 이상 열려 있지 않습니다 (%1). 보내려면 다시 연결하세요</translation>
    </message>
    <message>
        <source>Ctrl+Enter to send to client %1 (as the test server)</source>
        <translation>Ctrl+Enter로 클라이언트 %1에게 보내기 (테스트 서버로서)</translation>
    </message>
    <message>
        <source>Ctrl+Enter to send · %1</source>
        <translation>Ctrl+Enter로 보내기 · %1</translation>
    </message>
    <message>
        <source>Show the composer (Ctrl+Shift+M)</source>
        <translation>작성 영역 보이기 (Ctrl+Shift+M)</translation>
    </message>
    <message>
        <source>Fold the composer away: the log gets its room (Ctrl+Shift+M)</source>
        <translation>작성 영역 접기: 그 자리를 로그가 씁니다 (Ctrl+Shift+M)</translation>
    </message>
</context>
<context>
    <name>wsi::ConnectBar</name>
    <message>
        <source>WebSocket URL: ws://host:port/path or wss://host/path (Ctrl+L)</source>
        <translation>WebSocket URL: ws://host:port/path 또는 wss://host/path (Ctrl+L)</translation>
    </message>
    <message>
        <source>Request headers, subprotocols, Origin, TLS, keepalive and reconnect</source>
        <translation>요청 헤더, 서브프로토콜, Origin, TLS, 킵얼라이브, 재연결</translation>
    </message>
    <message>
        <source>Connect</source>
        <translation>연결</translation>
    </message>
    <message>
        <source>Open a WebSocket connection to this URL (Enter)</source>
        <translation>이 URL로 WebSocket 연결 열기 (Enter)</translation>
    </message>
    <message>
        <source>Options (%1)</source>
        <translation>옵션 (%1)</translation>
    </message>
    <message>
        <source>Options</source>
        <translation>옵션</translation>
    </message>
    <message>
        <source>Enter a ws:// or wss:// URL to connect to, for example ws://127.0.0.1:9000/chat.</source>
        <translation>연결할 ws:// 또는 wss:// URL을 입력하세요. 예: ws://127.0.0.1:9000/chat</translation>
    </message>
    <message>
        <source>The URL is not valid: %1</source>
        <translation>URL이 올바르지 않습니다: %1</translation>
    </message>
    <message>
        <source>Client certificate password</source>
        <translation>클라이언트 인증서 비밀번호</translation>
    </message>
    <message>
        <source>Password for %1:</source>
        <translation>%1의 비밀번호:</translation>
    </message>
</context>
<context>
    <name>wsi::ConnectCommand</name>
    <message>
        <source>The certificate of %1 failed verification: %2 Use --ca FILE to trust its issuer, or --insecure to proceed anyway.</source>
        <translation>%1의 인증서가 검증에 실패했습니다: %2 발급자를 신뢰하려면 --ca FILE을, 그래도 진행하려면 --insecure를 쓰세요.</translation>
    </message>
    <message>
        <source>Gave up after %1 reconnect attempts. The last attempt: %2</source>
        <translation>재연결을 %1번 시도한 뒤 포기했습니다. 마지막 시도: %2</translation>
    </message>
</context>
<context>
    <name>wsi::Connection</name>
    <message>
        <source>client %1</source>
        <translation>클라이언트 %1</translation>
    </message>
    <message>
        <source>client %1 %2</source>
        <translation>클라이언트 %1 %2</translation>
    </message>
    <message>
        <source>idle</source>
        <translation>대기</translation>
    </message>
    <message>
        <source>connecting</source>
        <translation>연결 중</translation>
    </message>
    <message>
        <source>open</source>
        <translation>열림</translation>
    </message>
    <message>
        <source>closing</source>
        <translation>닫는 중</translation>
    </message>
    <message>
        <source>closed</source>
        <translation>닫힘</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>실패</translation>
    </message>
    <message>
        <source> (%1 %2)</source>
        <translation> (%1 %2)</translation>
    </message>
    <message>
        <source> What to try: %1</source>
        <translation> 해 볼 것: %1</translation>
    </message>
    <message>
        <source>Closed (%1 %2)</source>
        <translation>닫힘 (%1 %2)</translation>
    </message>
    <message>
        <source>Closed without a Close frame: the TCP connection dropped (1006 abnormal closure).</source>
        <translation>Close 프레임 없이 닫혔습니다: TCP 연결이 끊겼습니다 (1006 비정상 종료).</translation>
    </message>
    <message>
        <source>this client</source>
        <translation>이 클라이언트</translation>
    </message>
    <message>
        <source>the server</source>
        <translation>서버</translation>
    </message>
    <message>
        <source>this server</source>
        <translation>이 서버</translation>
    </message>
    <message>
        <source>the client</source>
        <translation>클라이언트</translation>
    </message>
    <message>
        <source>Closed by %1 without a status code</source>
        <translation>%1이(가) 상태 코드 없이 닫음</translation>
    </message>
    <message>
        <source>Closed by %1 with %2 %3</source>
        <translation>%1이(가) %2 %3(으)로 닫음</translation>
    </message>
    <message>
        <source>The connection is not open.</source>
        <translation>연결이 열려 있지 않습니다.</translation>
    </message>
    <message>
        <source>Frames can be injected only into connections this app opened through a tap that sees plaintext (for wss, turn TLS interception on).</source>
        <translation>프레임은 이 앱이 평문을 보는 탭을 거쳐 연 연결에만 주입할 수 있습니다 (wss는 TLS 가로채기를 켜세요).</translation>
    </message>
    <message>
        <source>Raw frames can be injected only into connections this app opened.</source>
        <translation>Raw 프레임은 이 앱이 연 연결에만 주입할 수 있습니다.</translation>
    </message>
    <message>
        <source>The inspector&apos;s certificate authority could not issue a certificate for %1: %2</source>
        <translation>인스펙터의 인증 기관이 %1의 인증서를 발급하지 못했습니다: %2</translation>
    </message>
    <message>
        <source>no CA</source>
        <translation>CA 없음</translation>
    </message>
    <message>
        <source>%1 with %2, %3, %4</source>
        <translation>%1, %2, %3, %4</translation>
    </message>
    <message>
        <source>certificate verified</source>
        <translation>인증서 검증됨</translation>
    </message>
    <message>
        <source>certificate NOT verified</source>
        <translation>인증서 검증 안 됨</translation>
    </message>
    <message>
        <source> (proceeding despite: %1)</source>
        <translation> (다음 문제에도 진행: %1)</translation>
    </message>
    <message>
        <source>The certificate of %1 failed verification: %2</source>
        <translation>%1의 인증서가 검증에 실패했습니다: %2</translation>
    </message>
    <message>
        <source>The user chose to always trust this certificate for %1 (SHA-256 %2).</source>
        <translation>사용자가 %1에 대해 이 인증서를 항상 신뢰하기로 했습니다 (SHA-256 %2).</translation>
    </message>
    <message>
        <source>The user chose to proceed once despite the certificate errors.</source>
        <translation>사용자가 인증서 오류에도 이번 한 번 진행하기로 했습니다.</translation>
    </message>
    <message numerus="yes">
        <source>%n byte(s) of queued messages were not sent: %1</source>
        <translation>
            <numerusform>대기 중이던 메시지 %n바이트를 보내지 못했습니다: %1</numerusform>
        </translation>
    </message>
    <message>
        <source>The tap cannot inject into an encrypted stream: turn TLS interception on for this connection.</source>
        <translation>탭은 암호화된 스트림에 주입할 수 없습니다. 이 연결의 TLS 가로채기를 켜세요.</translation>
    </message>
    <message>
        <source>Injected raw frame (for testing servers): %1</source>
        <translation>주입한 Raw 프레임 (서버 테스트용): %1</translation>
    </message>
    <message>
        <source>Auto-pong is off: this ping was held back from the WebSocket, so no pong goes back.</source>
        <translation>자동 퐁이 꺼져 있습니다: 이 핑을 WebSocket에 전달하지 않았으므로 퐁이 돌아가지 않습니다.</translation>
    </message>
    <message>
        <source>The connection closed before the WebSocket opened.</source>
        <translation>WebSocket이 열리기 전에 연결이 닫혔습니다.</translation>
    </message>
    <message>
        <source>Proceeding despite certificate errors (insecure): %1</source>
        <translation>인증서 오류에도 진행 (안전하지 않음): %1</translation>
    </message>
    <message>
        <source>TLS certificate verification failed for %1: %2. The connection was not trusted; check the server&apos;s certificate.</source>
        <translation>%1의 TLS 인증서 검증 실패: %2. 연결을 신뢰하지 않았습니다. 서버의 인증서를 확인하세요.</translation>
    </message>
    <message>
        <source>the connection was closed</source>
        <translation>연결이 닫혔습니다</translation>
    </message>
    <message>
        <source>Connection attempt cancelled by the user.</source>
        <translation>사용자가 연결 시도를 취소했습니다.</translation>
    </message>
    <message>
        <source>Cancelled by the user before the WebSocket opened.</source>
        <translation>WebSocket이 열리기 전에 사용자가 취소했습니다.</translation>
    </message>
    <message>
        <source>The client left before the WebSocket opened.</source>
        <translation>WebSocket이 열리기 전에 클라이언트가 떠났습니다.</translation>
    </message>
    <message>
        <source>proxied %1 %2 to %3</source>
        <translation>프록시 경유 %1 %2 → %3</translation>
    </message>
</context>
<context>
    <name>wsi::ConnectionCommands</name>
    <message>
        <source>Select two connections (Ctrl+click) to compare their handshakes.</source>
        <translation>핸드셰이크를 비교하려면 연결 두 개를 선택하세요 (Ctrl+클릭).</translation>
    </message>
</context>
<context>
    <name>wsi::ConnectionDelegate</name>
    <message>
        <source>server client</source>
        <translation>서버의 클라이언트</translation>
    </message>
    <message>
        <source>attempt %1</source>
        <translation>%1번째 시도</translation>
    </message>
    <message>
        <source>Auto-reconnect: attempt %1 at this endpoint</source>
        <translation>자동 재연결: 이 엔드포인트에 대한 %1번째 시도</translation>
    </message>
    <message>
        <source>A client of the test server: %1</source>
        <translation>테스트 서버의 클라이언트: %1</translation>
    </message>
    <message>
        <source>Relayed by the proxy: %1. Its log holds both legs, the client's and the server's.</source>
        <translation>프록시가 중계하는 연결: %1. 로그에 클라이언트 구간과 서버 구간이 모두 담깁니다.</translation>
    </message>
    <message>
        <source>proxied</source>
        <translation>프록시 경유</translation>
    </message>
</context>
<context>
    <name>wsi::ConnectionListModel</name>
    <message>
        <source>
attempt %1 at this endpoint</source>
        <translation>
이 엔드포인트에 대한 %1번째 시도</translation>
    </message>
    <message>
        <source>%1 · read-only</source>
        <translation>%1 · 읽기 전용</translation>
    </message>
    <message>
        <source>%1 in · %2 out</source>
        <translation>받음 %1 · 보냄 %2</translation>
    </message>
    <message>
        <source> · 1 error</source>
        <translation> · 오류 1개</translation>
    </message>
    <message>
        <source> · %1 errors</source>
        <translation> · 오류 %1개</translation>
    </message>
</context>
<context>
    <name>wsi::ConnectionListView</name>
    <message>
        <source>No connections yet.
Each connection you open is listed here with its state and counters.</source>
        <translation>아직 연결이 없습니다.
연결을 열면 상태와 카운터와 함께 여기에 나타납니다.</translation>
    </message>
</context>
<context>
    <name>wsi::ConnectionOptions</name>
    <message>
        <source>The header &quot;%1&quot; is generated by the WebSocket handshake itself; setting it too would send it twice and the server would reject the upgrade. Remove it.</source>
        <translation>&quot;%1&quot; 헤더는 WebSocket 핸드셰이크가 직접 만듭니다. 여기서도 설정하면 두 번 보내게 되어 서버가 업그레이드를 거부합니다. 지우세요.</translation>
    </message>
    <message>
        <source>Put subprotocols in the Subprotocols field instead of a &quot;Sec-WebSocket-Protocol&quot; header, so that the handshake offers them once and checks the server&apos;s choice.</source>
        <translation>&quot;Sec-WebSocket-Protocol&quot; 헤더 대신 서브프로토콜 칸에 쓰세요. 그래야 핸드셰이크가 한 번만 제시하고 서버의 선택을 확인합니다.</translation>
    </message>
    <message>
        <source>Put the origin in the Origin field instead of an &quot;Origin&quot; header, so that it is sent once.</source>
        <translation>&quot;Origin&quot; 헤더 대신 Origin 칸에 쓰세요. 그래야 한 번만 보냅니다.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a header: write it as &quot;Name: value&quot;.</source>
        <translation>&quot;%1&quot;은(는) 헤더가 아닙니다. &quot;Name: value&quot; 형식으로 쓰세요.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a valid header name: use letters, digits and - only.</source>
        <translation>&quot;%1&quot;은(는) 올바른 헤더 이름이 아닙니다. 문자, 숫자, -만 쓰세요.</translation>
    </message>
    <message>
        <source>The value of header &quot;%1&quot; contains a line break.</source>
        <translation>&quot;%1&quot; 헤더의 값에 줄바꿈이 있습니다.</translation>
    </message>
    <message>
        <source>The client certificate &quot;%1&quot; cannot be read: %2.</source>
        <translation>클라이언트 인증서 &quot;%1&quot;을(를) 읽을 수 없습니다: %2.</translation>
    </message>
    <message>
        <source>The PKCS#12 file &quot;%1&quot; could not be opened: wrong password, or not a PKCS#12 file.</source>
        <translation>PKCS#12 파일 &quot;%1&quot;을(를) 열 수 없습니다: 비밀번호가 틀렸거나 PKCS#12 파일이 아닙니다.</translation>
    </message>
    <message>
        <source>The client certificate &quot;%1&quot; holds no PEM certificate.</source>
        <translation>클라이언트 인증서 &quot;%1&quot;에 PEM 인증서가 없습니다.</translation>
    </message>
    <message>
        <source>The client key &quot;%1&quot; cannot be read: %2.</source>
        <translation>클라이언트 키 &quot;%1&quot;을(를) 읽을 수 없습니다: %2.</translation>
    </message>
    <message>
        <source>The client key &quot;%1&quot; holds no PEM private key (or its password is wrong).</source>
        <translation>클라이언트 키 &quot;%1&quot;에 PEM 개인 키가 없습니다 (또는 비밀번호가 틀렸습니다).</translation>
    </message>
    <message>
        <source>Enter a URL such as ws://127.0.0.1:9000/chat.</source>
        <translation>ws://127.0.0.1:9000/chat 같은 URL을 입력하세요.</translation>
    </message>
    <message>
        <source>The URL is malformed: %1.</source>
        <translation>URL 형식이 잘못되었습니다: %1.</translation>
    </message>
    <message>
        <source>The URL starts with %1://; WebSocket URLs start with ws:// or wss:// (use %2://).</source>
        <translation>URL이 %1://로 시작합니다. WebSocket URL은 ws:// 또는 wss://로 시작합니다 (%2://를 쓰세요).</translation>
    </message>
    <message>
        <source>The URL must start with ws:// or wss://.</source>
        <translation>URL은 ws:// 또는 wss://로 시작해야 합니다.</translation>
    </message>
    <message>
        <source>The URL has no host: write it as ws://host:port/path.</source>
        <translation>URL에 호스트가 없습니다. ws://host:port/path 형식으로 쓰세요.</translation>
    </message>
    <message>
        <source>Port 0 cannot be connected to: give the server&apos;s port.</source>
        <translation>포트 0으로는 연결할 수 없습니다. 서버의 포트를 지정하세요.</translation>
    </message>
    <message>
        <source>WebSocket URLs cannot have a #fragment (RFC 6455 section 3): remove &quot;#%1&quot;.</source>
        <translation>WebSocket URL에는 #프래그먼트를 쓸 수 없습니다 (RFC 6455 3절): &quot;#%1&quot;을(를) 지우세요.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a valid subprotocol name: no spaces, commas or separators.</source>
        <translation>&quot;%1&quot;은(는) 올바른 서브프로토콜 이름이 아닙니다. 공백, 쉼표, 구분 문자는 쓸 수 없습니다.</translation>
    </message>
    <message>
        <source>The CA file &quot;%1&quot; cannot be read: %2.</source>
        <translation>CA 파일 &quot;%1&quot;을(를) 읽을 수 없습니다: %2.</translation>
    </message>
    <message>
        <source>The CA file &quot;%1&quot; holds no PEM certificate.</source>
        <translation>CA 파일 &quot;%1&quot;에 PEM 인증서가 없습니다.</translation>
    </message>
    <message>
        <source>The minimum TLS version must be 1.2 or 1.3.</source>
        <translation>최소 TLS 버전은 1.2 또는 1.3이어야 합니다.</translation>
    </message>
    <message>
        <source>The timeout must be a positive number of milliseconds.</source>
        <translation>타임아웃은 양수인 밀리초여야 합니다.</translation>
    </message>
</context>
<context>
    <name>wsi::ConnectionOptionsEditor</name>
    <message>
        <source>One per line, e.g.
Authorization: Bearer abc123</source>
        <translation>한 줄에 하나씩, 예:
Authorization: Bearer abc123</translation>
    </message>
    <message>
        <source>Extra request headers, &quot;Name: value&quot; per line. Headers Qt generates itself (Host, Upgrade, Connection, Sec-WebSocket-*) cannot be set.</source>
        <translation>추가 요청 헤더로, 한 줄에 &quot;Name: value&quot; 하나씩 씁니다. Qt가 직접 만드는 헤더(Host, Upgrade, Connection, Sec-WebSocket-*)는 설정할 수 없습니다.</translation>
    </message>
    <message>
        <source>PEM certificates (*.pem *.crt *.cer);;All files (*)</source>
        <translation>PEM 인증서 (*.pem *.crt *.cer);;모든 파일 (*)</translation>
    </message>
    <message>
        <source>CA certificate to trust</source>
        <translation>신뢰할 CA 인증서</translation>
    </message>
    <message>
        <source>Client certificate</source>
        <translation>클라이언트 인증서</translation>
    </message>
    <message>
        <source>Certificates (*.pem *.crt *.cer *.p12 *.pfx);;All files (*)</source>
        <translation>인증서 (*.pem *.crt *.cer *.p12 *.pfx);;모든 파일 (*)</translation>
    </message>
    <message>
        <source>Client private key</source>
        <translation>클라이언트 개인 키</translation>
    </message>
    <message>
        <source>PEM keys (*.key *.pem);;All files (*)</source>
        <translation>PEM 키 (*.key *.pem);;모든 파일 (*)</translation>
    </message>
    <message>
        <source>(inside the PKCS#12 file)</source>
        <translation>(PKCS#12 파일 안에 있음)</translation>
    </message>
    <message>
        <source>PEM private key of the certificate</source>
        <translation>인증서의 PEM 개인 키</translation>
    </message>
    <message>
        <source>Header line %1: %2</source>
        <translation>헤더 %1번째 줄: %2</translation>
    </message>
    <message>
        <source>The longest reconnect delay is shorter than the first one.</source>
        <translation>최대 재연결 지연이 첫 지연보다 짧습니다.</translation>
    </message>
</context>
<context>
    <name>wsi::ConnectionOptionsJson</name>
    <message>
        <source>&quot;protocol&quot; must be &quot;auto&quot;, &quot;none&quot; or one of %1.</source>
        <translation>&quot;protocol&quot;은 &quot;auto&quot;, &quot;none&quot; 또는 %1 중 하나여야 합니다.</translation>
    </message>
    <message>
        <source>a string</source>
        <translation>문자열</translation>
    </message>
    <message>
        <source>true or false</source>
        <translation>true 또는 false</translation>
    </message>
    <message>
        <source>a number</source>
        <translation>숫자</translation>
    </message>
    <message>
        <source>&quot;%1%2&quot; must be %3.</source>
        <translation>&quot;%1%2&quot;은(는) %3이어야 합니다.</translation>
    </message>
    <message>
        <source>&quot;url&quot; is missing.</source>
        <translation>&quot;url&quot;이 없습니다.</translation>
    </message>
    <message>
        <source>&quot;url&quot; is not a valid URL: %1.</source>
        <translation>&quot;url&quot;이 올바른 URL이 아닙니다: %1.</translation>
    </message>
    <message>
        <source>Each entry of &quot;headers&quot; must be [&quot;Name&quot;, &quot;value&quot;].</source>
        <translation>&quot;headers&quot;의 각 항목은 [&quot;Name&quot;, &quot;value&quot;]여야 합니다.</translation>
    </message>
    <message>
        <source>Each entry of &quot;subprotocols&quot; must be a string.</source>
        <translation>&quot;subprotocols&quot;의 각 항목은 문자열이어야 합니다.</translation>
    </message>
    <message>
        <source>&quot;tls.minimum_version&quot; must be &quot;1.2&quot; or &quot;1.3&quot;.</source>
        <translation>&quot;tls.minimum_version&quot;은 &quot;1.2&quot; 또는 &quot;1.3&quot;이어야 합니다.</translation>
    </message>
    <message>
        <source>&quot;pairing&quot; must be an object with &quot;request&quot;, &quot;reply&quot; and &quot;name&quot;.</source>
        <translation>&quot;pairing&quot;은 &quot;request&quot;, &quot;reply&quot;, &quot;name&quot;이 있는 객체여야 합니다.</translation>
    </message>
</context>
<context>
    <name>wsi::ConnectionStatsPlot</name>
    <message>
        <source>no compressed messages</source>
        <translation>압축된 메시지 없음</translation>
    </message>
    <message>
        <source>permessage-deflate: %1.
Wire bytes per inflated byte: in %2; out %3.</source>
        <translation>permessage-deflate: %1.
압축 해제된 1바이트당 와이어 바이트: 수신 %2, 송신 %3.</translation>
    </message>
    <message numerus="yes">
        <source>%1 (%2 of %3 bytes, %n message(s))</source>
        <translation>
            <numerusform>%1 (%3바이트 중 %2바이트, 메시지 %n개)</numerusform>
        </translation>
    </message>
    <message>
        <source>Ping round-trip times and messages per second of the selected connection. Right-click to choose how many minutes to show.</source>
        <translation>선택한 연결의 핑 왕복 시간과 초당 메시지 수입니다. 몇 분을 보여 줄지는 오른쪽 클릭으로 고릅니다.</translation>
    </message>
    <message numerus="yes">
        <source>Last %n minute(s)</source>
        <translation>
            <numerusform>최근 %n분</numerusform>
        </translation>
    </message>
    <message>
        <source>Select a connection to see its round-trip times.</source>
        <translation>왕복 시간을 보려면 연결을 선택하세요.</translation>
    </message>
    <message>
        <source>No pings yet — send one with Ctrl+P or enable keepalive</source>
        <translation>아직 핑이 없습니다 — Ctrl+P로 보내거나 킵얼라이브를 켜세요</translation>
    </message>
    <message>
        <source>Select a connection to see its message rates.</source>
        <translation>메시지 속도를 보려면 연결을 선택하세요.</translation>
    </message>
    <message>
        <source>No messages yet</source>
        <translation>아직 메시지가 없습니다</translation>
    </message>
    <message>
        <source>round trip (ms)</source>
        <translation>왕복 시간 (ms)</translation>
    </message>
    <message>
        <source>in / s</source>
        <translation>받음 / 초</translation>
    </message>
    <message>
        <source>out / s</source>
        <translation>보냄 / 초</translation>
    </message>
    <message>
        <source>Ping round-trip time</source>
        <translation>핑 왕복 시간</translation>
    </message>
    <message>
        <source>ms</source>
        <translation>ms</translation>
    </message>
    <message>
        <source>Messages per second</source>
        <translation>초당 메시지 수</translation>
    </message>
    <message>
        <source>msg/s</source>
        <translation>msg/s</translation>
    </message>
    <message>
        <source>%1 min ago</source>
        <translation>%1분 전</translation>
    </message>
    <message>
        <source>now</source>
        <translation>지금</translation>
    </message>
</context>
<context>
    <name>wsi::EndpointDialog</name>
    <message>
        <source>No folder</source>
        <translation>폴더 없음</translation>
    </message>
    <message>
        <source>Save Endpoint</source>
        <translation>엔드포인트 저장</translation>
    </message>
    <message>
        <source>Edit Endpoint “%1”</source>
        <translation>엔드포인트 “%1” 편집</translation>
    </message>
    <message>
        <source>Give the endpoint a name.</source>
        <translation>엔드포인트 이름을 지정하세요.</translation>
    </message>
    <message>
        <source>The URL&apos;s secret values are hidden. Press the eye button to see or edit them.</source>
        <translation>URL의 비밀 값은 가려져 있습니다. 보거나 고치려면 눈 버튼을 누르세요.</translation>
    </message>
</context>
<context>
    <name>wsi::EndpointStore</name>
    <message>
        <source>line %1, column %2</source>
        <translation>%1번째 줄, %2번째 열</translation>
    </message>
    <message>
        <source>The endpoints file is not valid JSON (%1 at %2).</source>
        <translation>엔드포인트 파일이 올바른 JSON이 아닙니다 (%2에서 %1).</translation>
    </message>
    <message>
        <source>This is not a WS Inspector endpoints file (&quot;format&quot;: &quot;%1&quot; expected).</source>
        <translation>WS Inspector 엔드포인트 파일이 아닙니다 (&quot;format&quot;: &quot;%1&quot;이어야 함).</translation>
    </message>
    <message>
        <source>&quot;name&quot; is missing.</source>
        <translation>&quot;name&quot;이 없습니다.</translation>
    </message>
    <message>
        <source>Endpoint %1 of %2 in the file is invalid: %3</source>
        <translation>파일의 엔드포인트 %2개 중 %1번째가 올바르지 않습니다: %3</translation>
    </message>
    <message>
        <source>Cannot read %1: %2.</source>
        <translation>%1을(를) 읽을 수 없습니다: %2.</translation>
    </message>
    <message>
        <source>The file was kept as %1.</source>
        <translation>파일을 %1(으)로 보존했습니다.</translation>
    </message>
    <message>
        <source>Cannot save %1: %2.</source>
        <translation>%1을(를) 저장할 수 없습니다: %2.</translation>
    </message>
    <message>
        <source>Give the endpoint a name.</source>
        <translation>엔드포인트 이름을 지정하세요.</translation>
    </message>
    <message>
        <source>Give the endpoint a URL.</source>
        <translation>엔드포인트 URL을 지정하세요.</translation>
    </message>
    <message>
        <source>That endpoint no longer exists.</source>
        <translation>그 엔드포인트는 더 이상 없습니다.</translation>
    </message>
    <message>
        <source>%1 (copy)</source>
        <translation>%1 (사본)</translation>
    </message>
</context>
<context>
    <name>wsi::EndpointTreeModel</name>
    <message numerus="yes">
        <source>Folder “%1”: %n endpoint(s)</source>
        <translation>
            <numerusform>폴더 “%1”: 엔드포인트 %n개</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n extra header(s)</source>
        <translation>
            <numerusform>추가 헤더 %n개</numerusform>
        </translation>
    </message>
    <message>
        <source>Reconnects automatically</source>
        <translation>자동으로 재연결</translation>
    </message>
    <message>
        <source>Keepalive ping every %1 s</source>
        <translation>%1초마다 킵얼라이브 핑</translation>
    </message>
    <message>
        <source>Double-click or Enter to connect</source>
        <translation>더블클릭하거나 Enter를 누르면 연결합니다</translation>
    </message>
</context>
<context>
    <name>wsi::EndpointsPanel</name>
    <message>
        <source>&amp;Connect</source>
        <translation>연결(&amp;C)</translation>
    </message>
    <message>
        <source>Open a connection to this endpoint (Enter)</source>
        <translation>이 엔드포인트로 연결 열기 (Enter)</translation>
    </message>
    <message>
        <source>&amp;Save as Endpoint…</source>
        <translation>엔드포인트로 저장(&amp;S)…</translation>
    </message>
    <message>
        <source>Keep the current connection&apos;s URL, headers and options as a saved endpoint (Ctrl+S)</source>
        <translation>현재 연결의 URL, 헤더, 옵션을 엔드포인트로 저장합니다 (Ctrl+S)</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>편집(&amp;E)…</translation>
    </message>
    <message>
        <source>Change the endpoint&apos;s name, folder, URL and options</source>
        <translation>엔드포인트의 이름, 폴더, URL, 옵션을 바꿉니다</translation>
    </message>
    <message>
        <source>D&amp;uplicate</source>
        <translation>복제(&amp;U)</translation>
    </message>
    <message>
        <source>Make a copy of the endpoint to vary it</source>
        <translation>엔드포인트를 복사해서 변형합니다</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>삭제(&amp;D)</translation>
    </message>
    <message>
        <source>Delete the endpoint (Del; can be undone)</source>
        <translation>엔드포인트를 삭제합니다 (Del, 되돌릴 수 있음)</translation>
    </message>
    <message>
        <source>&amp;Import…</source>
        <translation>가져오기(&amp;I)…</translation>
    </message>
    <message>
        <source>Add the endpoints of an exported file; names already used get a number</source>
        <translation>내보낸 파일의 엔드포인트를 추가합니다. 이미 쓰는 이름에는 번호를 붙입니다</translation>
    </message>
    <message>
        <source>E&amp;xport…</source>
        <translation>내보내기(&amp;X)…</translation>
    </message>
    <message>
        <source>Save every endpoint to a JSON file; secret header values, URL tokens and passwords are masked</source>
        <translation>모든 엔드포인트를 JSON 파일로 저장합니다. 비밀 헤더 값, URL 토큰, 비밀번호는 가립니다</translation>
    </message>
    <message>
        <source>Export with &amp;Secrets…</source>
        <translation>비밀 값 포함 내보내기(&amp;S)…</translation>
    </message>
    <message>
        <source>Save every endpoint to a JSON file including tokens and passwords: keep that file private</source>
        <translation>모든 엔드포인트를 토큰과 비밀번호까지 포함해 JSON 파일로 저장합니다. 그 파일은 안전하게 보관하세요</translation>
    </message>
    <message>
        <source>&lt;b&gt;Endpoints&lt;/b&gt;</source>
        <translation>&lt;b&gt;엔드포인트&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Edit, duplicate, delete, import and export endpoints</source>
        <translation>엔드포인트 편집, 복제, 삭제, 가져오기, 내보내기</translation>
    </message>
    <message>
        <source>Search endpoints</source>
        <translation>엔드포인트 검색</translation>
    </message>
    <message>
        <source>Filter by name, folder or URL</source>
        <translation>이름, 폴더, URL로 거르기</translation>
    </message>
    <message>
        <source>No saved endpoints yet.

Connect, then press Ctrl+S to keep the URL, headers and options here, or import a file from the ⋯ menu.</source>
        <translation>저장된 엔드포인트가 아직 없습니다.

연결한 뒤 Ctrl+S를 누르면 URL, 헤더, 옵션을 여기에 저장합니다. ⋯ 메뉴에서 파일을 가져올 수도 있습니다.</translation>
    </message>
    <message>
        <source>No endpoint matches “%1”.</source>
        <translation>“%1”에 맞는 엔드포인트가 없습니다.</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>실행 취소</translation>
    </message>
    <message>
        <source>Saved “%1”.</source>
        <translation>“%1”을(를) 저장했습니다.</translation>
    </message>
    <message>
        <source>Deleted “%1”.</source>
        <translation>“%1”을(를) 삭제했습니다.</translation>
    </message>
    <message>
        <source>Import Endpoints</source>
        <translation>엔드포인트 가져오기</translation>
    </message>
    <message>
        <source>Endpoints (*.json);;All files (*)</source>
        <translation>엔드포인트 (*.json);;모든 파일 (*)</translation>
    </message>
    <message>
        <source>Cannot read %1: %2.</source>
        <translation>%1을(를) 읽을 수 없습니다: %2.</translation>
    </message>
    <message>
        <source>%1 was not imported. %2</source>
        <translation>%1을(를) 가져오지 못했습니다. %2</translation>
    </message>
    <message numerus="yes">
        <source>Imported %n endpoint(s).</source>
        <translation>
            <numerusform>엔드포인트 %n개를 가져왔습니다.</numerusform>
        </translation>
    </message>
    <message>
        <source>Export Endpoints with Secrets</source>
        <translation>비밀 값 포함 엔드포인트 내보내기</translation>
    </message>
    <message>
        <source>Export Endpoints</source>
        <translation>엔드포인트 내보내기</translation>
    </message>
    <message>
        <source>Endpoints (*.json)</source>
        <translation>엔드포인트 (*.json)</translation>
    </message>
    <message>
        <source>Cannot save %1: %2.</source>
        <translation>%1을(를) 저장할 수 없습니다: %2.</translation>
    </message>
    <message numerus="yes">
        <source>Exported %n endpoint(s). Secret values were masked; use Export with Secrets to include them.</source>
        <translation>
            <numerusform>엔드포인트 %n개를 내보냈습니다. 비밀 값은 가렸습니다. 포함하려면 비밀 값 포함 내보내기를 쓰세요.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Exported %n endpoint(s).</source>
        <translation>
            <numerusform>엔드포인트 %n개를 내보냈습니다.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>wsi::EventDetailView</name>
    <message>
        <source>Binary</source>
        <translation>바이너리</translation>
    </message>
    <message>
        <source>Decoded</source>
        <translation>디코딩</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>텍스트</translation>
    </message>
    <message>
        <source>JSON</source>
        <translation>JSON</translation>
    </message>
    <message>
        <source>Hex</source>
        <translation>Hex</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>상세</translation>
    </message>
    <message>
        <source>Select an event in the log to see its payload, JSON, hex dump and fields.</source>
        <translation>로그에서 이벤트를 선택하면 페이로드, JSON, hex 덤프, 필드를 볼 수 있습니다.</translation>
    </message>
    <message>
        <source>No connection selected.</source>
        <translation>선택한 연결이 없습니다.</translation>
    </message>
    <message>
        <source>A frame header (%1 bytes). Its payload belongs to the message it carries; the bytes of the header are in the Hex tab and its fields in the Frame header tab.</source>
        <translation>프레임 헤더 (%1바이트). 페이로드는 이 프레임이 담은 메시지에 속합니다. 헤더의 바이트는 Hex 탭에, 필드는 프레임 헤더 탭에 있습니다.</translation>
    </message>
    <message>
        <source>A frame of a compressed message: its header (%1 bytes), then its payload as permessage-deflate left it (%2 bytes, unmasked), both in the Hex tab; the header&apos;s fields are in the Frame header tab, and the message row shows the payload inflated.</source>
        <translation>압축된 메시지의 프레임입니다. 헤더(%1바이트) 다음에 permessage-deflate가 만든 그대로의 페이로드(%2바이트, 마스크 해제)가 이어지며, 둘 다 Hex 탭에 있습니다. 헤더의 필드는 프레임 헤더 탭에 있고, 메시지 행에는 압축을 푼 페이로드가 보입니다.</translation>
    </message>
    <message numerus="yes">
        <source>Binary payload, %n byte(s): see the Hex tab.</source>
        <translation>
            <numerusform>바이너리 페이로드, %n바이트: Hex 탭을 보세요.</numerusform>
        </translation>
    </message>
    <message>
        <source>(no reason given)</source>
        <translation>(사유 없음)</translation>
    </message>
    <message>
        <source>(empty)</source>
        <translation>(비어 있음)</translation>
    </message>
    <message>
        <source>

… (%1 more bytes; the full payload is in the Hex tab and can be copied from the log)</source>
        <translation>

… (%1바이트 더 있음. 전체 페이로드는 Hex 탭에 있고 로그에서 복사할 수 있습니다)</translation>
    </message>
    <message>
        <source>large document: the tree shows the first %1 nodes</source>
        <translation>큰 문서: 트리에는 처음 %1개 노드만 보여 줍니다</translation>
    </message>
    <message>
        <source>Only message payloads are parsed as JSON.</source>
        <translation>JSON으로 해석하는 것은 메시지 페이로드뿐입니다.</translation>
    </message>
    <message>
        <source>This is a binary message; JSON is shown for text messages.</source>
        <translation>바이너리 메시지입니다. JSON은 텍스트 메시지에만 보여 줍니다.</translation>
    </message>
    <message>
        <source>The message is too large to show as a tree (%1 bytes).</source>
        <translation>메시지가 너무 커서 트리로 보여 줄 수 없습니다 (%1바이트).</translation>
    </message>
    <message>
        <source>This message is not valid JSON.
%1</source>
        <translation>이 메시지는 올바른 JSON이 아닙니다.
%1</translation>
    </message>
    <message>
        <source>This message is not JSON (it does not start with { or [).</source>
        <translation>이 메시지는 JSON이 아닙니다 ({ 또는 [로 시작하지 않음).</translation>
    </message>
    <message>
        <source>Legs</source>
        <translation>구간</translation>
    </message>
</context>
<context>
    <name>wsi::EventFieldList</name>
    <message>
        <source>1: the message this frame starts is compressed with permessage-deflate (RFC 7692); without the extension negotiated in the handshake it is a protocol violation</source>
        <translation>1: 이 프레임으로 시작하는 메시지가 permessage-deflate로 압축되었습니다 (RFC 7692). 핸드셰이크에서 확장이 협상되지 않았다면 프로토콜 위반입니다</translation>
    </message>
    <message>
        <source>Compressed</source>
        <translation>압축</translation>
    </message>
    <message>
        <source>The first frame had RSV1: the message was inflated for the log; the frames show the compressed bytes</source>
        <translation>첫 프레임에 RSV1이 있었습니다. 로그에는 압축 해제된 메시지가 표시되고, 프레임에는 압축된 바이트가 표시됩니다</translation>
    </message>
    <message>
        <source>yes: %1 bytes on the wire, %2% of the inflated size (permessage-deflate)</source>
        <translation>예: 와이어에서 %1바이트, 압축 해제된 크기의 %2% (permessage-deflate)</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>필드</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>값</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>이벤트</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>시각</translation>
    </message>
    <message>
        <source>Since connect</source>
        <translation>연결 후 경과</translation>
    </message>
    <message>
        <source>Direction</source>
        <translation>방향</translation>
    </message>
    <message>
        <source>Secrets</source>
        <translation>비밀 값</translation>
    </message>
    <message>
        <source>masked here; View &gt; Reveal Secrets (Ctrl+Shift+R) shows the bytes as sent</source>
        <translation>여기서는 가려져 있습니다. 보기 &gt; 비밀 값 표시(Ctrl+Shift+R)로 보낸 그대로의 바이트를 볼 수 있습니다</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>상세</translation>
    </message>
    <message>
        <source>Frame header</source>
        <translation>프레임 헤더</translation>
    </message>
    <message>
        <source>FIN</source>
        <translation>FIN</translation>
    </message>
    <message>
        <source>1: this is the final frame of its message</source>
        <translation>1: 메시지의 마지막 프레임</translation>
    </message>
    <message>
        <source>RSV1</source>
        <translation>RSV1</translation>
    </message>
    <message>
        <source>Reserved for extensions; 1 usually means permessage-deflate, which Qt WebSockets does not support</source>
        <translation>확장용으로 예약됨. 1은 보통 permessage-deflate를 뜻하며, Qt WebSockets는 이를 지원하지 않습니다</translation>
    </message>
    <message>
        <source>RSV2</source>
        <translation>RSV2</translation>
    </message>
    <message>
        <source>RSV3</source>
        <translation>RSV3</translation>
    </message>
    <message>
        <source>Opcode</source>
        <translation>Opcode</translation>
    </message>
    <message>
        <source>MASK</source>
        <translation>MASK</translation>
    </message>
    <message>
        <source>Clients must mask every frame; servers must never mask (RFC 6455 section 5.1)</source>
        <translation>클라이언트는 모든 프레임을 마스킹해야 하고, 서버는 절대 마스킹하면 안 됩니다 (RFC 6455 5.1절)</translation>
    </message>
    <message>
        <source>Masking key</source>
        <translation>마스킹 키</translation>
    </message>
    <message>
        <source>Payload length</source>
        <translation>페이로드 길이</translation>
    </message>
    <message>
        <source>%1 bytes</source>
        <translation>%1바이트</translation>
    </message>
    <message>
        <source>Header size</source>
        <translation>헤더 크기</translation>
    </message>
    <message>
        <source>Compressed payload</source>
        <translation>압축된 페이로드</translation>
    </message>
    <message>
        <source>%1 bytes, in the Hex tab after the header</source>
        <translation>%1바이트, Hex 탭에서 헤더 다음에 있습니다</translation>
    </message>
    <message>
        <source>The frame&apos;s payload as permessage-deflate left it (unmasked): the bytes that crossed the wire. The message row shows them inflated.</source>
        <translation>permessage-deflate가 만든 그대로의 프레임 페이로드(마스크 해제)로, 실제로 전송된 바이트입니다. 메시지 행에는 압축을 푼 내용이 보입니다.</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>코드</translation>
    </message>
    <message>
        <source>(none: the Close frame had no payload)</source>
        <translation>(없음: Close 프레임에 페이로드가 없었음)</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>이름</translation>
    </message>
    <message>
        <source>Meaning</source>
        <translation>의미</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>사유</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(없음)</translation>
    </message>
    <message>
        <source>Sent by</source>
        <translation>보낸 쪽</translation>
    </message>
    <message>
        <source>this server</source>
        <translation>이 서버</translation>
    </message>
    <message>
        <source>this client</source>
        <translation>이 클라이언트</translation>
    </message>
    <message>
        <source>the client</source>
        <translation>클라이언트</translation>
    </message>
    <message>
        <source>the server</source>
        <translation>서버</translation>
    </message>
    <message>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>유형</translation>
    </message>
    <message>
        <source>text</source>
        <translation>텍스트</translation>
    </message>
    <message>
        <source>binary</source>
        <translation>바이너리</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>크기</translation>
    </message>
    <message>
        <source>Kept</source>
        <translation>보관</translation>
    </message>
    <message>
        <source>the first %1 bytes: the session had reached its disk budget (Preferences &gt; Memory)</source>
        <translation>처음 %1바이트: 세션이 디스크 한도에 도달했습니다 (환경설정 &gt; 메모리)</translation>
    </message>
    <message>
        <source>Frames</source>
        <translation>프레임</translation>
    </message>
    <message>
        <source>255 or more</source>
        <translation>255개 이상</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>출처</translation>
    </message>
    <message>
        <source>as delivered by the socket (not decoded from the wire)</source>
        <translation>소켓이 전달한 그대로 (와이어에서 디코딩하지 않음)</translation>
    </message>
    <message>
        <source>Payload size</source>
        <translation>페이로드 크기</translation>
    </message>
    <message>
        <source>Round trip</source>
        <translation>왕복 시간</translation>
    </message>
    <message>
        <source>Layer</source>
        <translation>계층</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>메시지</translation>
    </message>
    <message>
        <source>What to try</source>
        <translation>해 볼 것</translation>
    </message>
    <message>
        <source>Head size</source>
        <translation>헤드 크기</translation>
    </message>
    <message>
        <source>Body size</source>
        <translation>본문 크기</translation>
    </message>
    <message>
        <source>Subprotocol</source>
        <translation>서브프로토콜</translation>
    </message>
    <message>
        <source>Why it ended</source>
        <translation>종료된 이유</translation>
    </message>
    <message>
        <source>Closed first by</source>
        <translation>먼저 닫은 쪽</translation>
    </message>
    <message>
        <source>neither: the TCP connection dropped (1006)</source>
        <translation>없음: TCP 연결이 끊김 (1006)</translation>
    </message>
    <message>
        <source>Clean</source>
        <translation>정상 종료</translation>
    </message>
    <message>
        <source>yes: both Close frames crossed the wire</source>
        <translation>예: 양쪽 Close 프레임이 모두 오갔습니다</translation>
    </message>
    <message>
        <source>no: abnormal, the closing handshake did not finish</source>
        <translation>아니요: 비정상, 종료 핸드셰이크가 끝나지 않았습니다</translation>
    </message>
    <message>
        <source>Close to reply</source>
        <translation>응답으로 보낸 Close</translation>
    </message>
    <message>
        <source>Last seen</source>
        <translation>마지막 확인</translation>
    </message>
</context>
<context>
    <name>wsi::EventLogModel</name>
    <message>
        <source>Connection open</source>
        <translation>연결 열림</translation>
    </message>
    <message>
        <source>Connection open, subprotocol %1</source>
        <translation>연결 열림, 서브프로토콜 %1</translation>
    </message>
    <message>
        <source>↑ out</source>
        <translation>↑ 보냄</translation>
    </message>
    <message>
        <source>↓ in</source>
        <translation>↓ 받음</translation>
    </message>
    <message>
        <source>(no payload)</source>
        <translation>(페이로드 없음)</translation>
    </message>
    <message>
        <source>%1  (round trip %2 ms)</source>
        <translation>%1  (왕복 시간 %2 ms)</translation>
    </message>
    <message>
        <source>No status code</source>
        <translation>상태 코드 없음</translation>
    </message>
    <message>
        <source>%1 · %2 ms</source>
        <translation>%1 · %2 ms</translation>
    </message>
    <message>
        <source>Decode note: %1</source>
        <translation>디코딩 메모: %1</translation>
    </message>
    <message>
        <source>Reply to the request sent at %1, after %2 ms</source>
        <translation>%1에 보낸 요청의 응답, %2 ms 후</translation>
    </message>
    <message>
        <source>The protocol riding on WebSocket, decoded (Socket.IO, STOMP, GraphQL, JSON-RPC, MQTT, SignalR). None found on this connection; choose one in the connection options.</source>
        <translation>WebSocket 위의 프로토콜을 디코딩한 내용입니다(Socket.IO, STOMP, GraphQL, JSON-RPC, MQTT, SignalR). 이 연결에서는 찾지 못했습니다. 연결 옵션에서 고르십시오.</translation>
    </message>
    <message>
        <source>Decoded as %1 (%2)</source>
        <translation>%1(으)로 디코딩 (%2)</translation>
    </message>
    <message>
        <source>Decoded</source>
        <translation>디코딩</translation>
    </message>
    <message>
        <source>Sent by this client</source>
        <translation>이 클라이언트가 보냄</translation>
    </message>
    <message>
        <source>Received from the server</source>
        <translation>서버에서 받음</translation>
    </message>
    <message>
        <source>%1
What to try: %2</source>
        <translation>%1
해 볼 것: %2</translation>
    </message>
    <message>
        <source>Time (rel.)</source>
        <translation>시각 (상대)</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>시각</translation>
    </message>
    <message>
        <source>Dir</source>
        <translation>방향</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>유형</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>크기</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>미리 보기</translation>
    </message>
    <message>
        <source>Sent automatically by protocol duties</source>
        <translation>프로토콜 자동 응답 기능이 자동으로 보낸 메시지</translation>
    </message>
    <message>
        <source>Leg</source>
        <translation>구간</translation>
    </message>
    <message>
        <source>Which wire of the proxy the row crossed: client (the app and the proxy) or server (the proxy and the upstream)</source>
        <translation>이 행이 지나간 프록시의 구간: 클라이언트(앱과 프록시 사이) 또는 서버(프록시와 업스트림 사이)</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message numerus="yes">
        <source>Changed by a match-and-replace rule: this is what went on; the Legs tab shows what arrived (%n byte(s))</source>
        <translation>
            <numerusform>일치-바꾸기 규칙이 바꾼 메시지입니다. 이 행은 전달된 내용이며, 도착한 원본은 구간 탭에서 볼 수 있습니다(%n바이트)</numerusform>
        </translation>
    </message>
    <message>
        <source>Dropped by the proxy: it arrived here and never reached the other side</source>
        <translation>프록시가 버린 메시지입니다. 여기까지 도착했지만 상대편에는 전달되지 않았습니다</translation>
    </message>
    <message numerus="yes">
        <source>Edited at a breakpoint: this is what went on; the Legs tab shows what arrived (%n byte(s))</source>
        <translation>
            <numerusform>중단점에서 편집한 메시지입니다. 이 행은 전달된 내용이며, 도착한 원본은 구간 탭에서 볼 수 있습니다(%n바이트)</numerusform>
        </translation>
    </message>
    <message>
        <source>Injected by WS Inspector: no peer sent this message</source>
        <translation>WS Inspector가 주입한 메시지입니다. 어느 상대도 보내지 않았습니다</translation>
    </message>
    <message>
        <source>dropped</source>
        <translation>버림</translation>
    </message>
    <message>
        <source>edited</source>
        <translation>편집됨</translation>
    </message>
    <message>
        <source>injected</source>
        <translation>주입됨</translation>
    </message>
    <message>
        <source>replaced</source>
        <translation>바뀜</translation>
    </message>
</context>
<context>
    <name>wsi::EventLogView</name>
    <message>
        <source>&lt;b&gt;Events&lt;/b&gt;</source>
        <translation>&lt;b&gt;이벤트&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Autoscroll is paused while you look at older rows; follow the newest again (End)</source>
        <translation>이전 행을 보는 동안 자동 스크롤을 멈췄습니다. 다시 최신 행을 따라가려면 (End)</translation>
    </message>
    <message>
        <source>Show frames</source>
        <translation>프레임 표시</translation>
    </message>
    <message>
        <source>Also list every frame with FIN, RSV1-3, opcode, MASK, masking key and length (Ctrl+Shift+F)</source>
        <translation>모든 프레임을 FIN, RSV1-3, opcode, MASK, 마스킹 키, 길이와 함께 표시합니다 (Ctrl+Shift+F)</translation>
    </message>
    <message>
        <source>Relative time</source>
        <translation>상대 시각</translation>
    </message>
    <message>
        <source>Show times relative to the start of the connection instead of the time of day</source>
        <translation>시각을 하루 중 시각 대신 연결 시작 기준으로 표시합니다</translation>
    </message>
    <message>
        <source>Copy Rows</source>
        <translation>행 복사</translation>
    </message>
    <message>
        <source>Copy Payload</source>
        <translation>페이로드 복사</translation>
    </message>
    <message>
        <source>Jump to newest (%1 new)</source>
        <translation>최신으로 이동 (새 항목 %1개)</translation>
    </message>
    <message>
        <source>Jump to newest</source>
        <translation>최신으로 이동</translation>
    </message>
    <message>
        <source>Copy Row(s)</source>
        <translation>행 복사</translation>
    </message>
    <message>
        <source>Copy Payload as Hex</source>
        <translation>페이로드를 Hex로 복사</translation>
    </message>
    <message>
        <source>Copy to Composer</source>
        <translation>작성기로 복사</translation>
    </message>
    <message>
        <source>Resend</source>
        <translation>다시 보내기</translation>
    </message>
    <message>
        <source>Show Frames</source>
        <translation>프레임 표시</translation>
    </message>
    <message>
        <source>Relative Time</source>
        <translation>상대 시각</translation>
    </message>
</context>
<context>
    <name>wsi::ExportDialog</name>
    <message>
        <source>Session log (.jsonl): every event, frame and byte</source>
        <translation>세션 로그 (.jsonl): 모든 이벤트, 프레임, 바이트</translation>
    </message>
    <message>
        <source>HAR 1.2 (.har): handshake and messages, opens in browser tools</source>
        <translation>HAR 1.2 (.har): 핸드셰이크와 메시지, 브라우저 도구에서 열림</translation>
    </message>
    <message>
        <source>&amp;Export</source>
        <translation>내보내기(&amp;E)</translation>
    </message>
    <message>
        <source>Export to</source>
        <translation>내보낼 곳</translation>
    </message>
    <message>
        <source>HAR 1.2 (*.har);;Session log (*.jsonl)</source>
        <translation>HAR 1.2 (*.har);;세션 로그 (*.jsonl)</translation>
    </message>
    <message>
        <source>Session log (*.jsonl);;HAR 1.2 (*.har)</source>
        <translation>세션 로그 (*.jsonl);;HAR 1.2 (*.har)</translation>
    </message>
    <message>
        <source>&lt;b&gt;Secrets are written as they are&lt;/b&gt;: Authorization and cookie headers and token query parameters. Share the file only with people who may see them.</source>
        <translation>&lt;b&gt;비밀 값을 그대로 씁니다&lt;/b&gt;: Authorization과 쿠키 헤더, 토큰 쿼리 파라미터. 이 값을 봐도 되는 사람과만 파일을 공유하세요.</translation>
    </message>
    <message>
        <source>Authorization, Cookie and Set-Cookie headers, API-key and token headers and token query parameters are masked (••••••) in the export; the connection here keeps them.</source>
        <translation>내보낼 때 Authorization, Cookie, Set-Cookie 헤더, API 키와 토큰 헤더, 토큰 쿼리 파라미터는 가립니다(••••••). 여기 있는 연결에는 그대로 남습니다.</translation>
    </message>
    <message>
        <source>&lt;br/&gt;HAR holds the handshake and data messages only: frames, pings and Close frames are in the session log format.</source>
        <translation>&lt;br/&gt;HAR에는 핸드셰이크와 데이터 메시지만 담깁니다. 프레임, 핑, Close 프레임은 세션 로그 형식에 있습니다.</translation>
    </message>
</context>
<context>
    <name>wsi::FilePayloadPage</name>
    <message>
        <source>No file. Choose one or drop it here.</source>
        <translation>파일이 없습니다. 고르거나 여기에 끌어 놓으세요.</translation>
    </message>
    <message>
        <source>Choose File…</source>
        <translation>파일 선택…</translation>
    </message>
    <message>
        <source>Pick the file whose bytes are sent (you can also drop a file on the composer)</source>
        <translation>바이트를 보낼 파일을 고릅니다 (작성기에 파일을 끌어 놓아도 됩니다)</translation>
    </message>
    <message>
        <source>Send as text</source>
        <translation>텍스트로 보내기</translation>
    </message>
    <message>
        <source>Send the file as a text message; possible only when it is valid UTF-8</source>
        <translation>파일을 텍스트 메시지로 보냅니다. 올바른 UTF-8일 때만 가능합니다</translation>
    </message>
    <message>
        <source>Send File</source>
        <translation>파일 보내기</translation>
    </message>
    <message>
        <source>Reading %1…</source>
        <translation>%1 읽는 중…</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt;&lt;br&gt;%2 · %3</source>
        <translation>&lt;b&gt;%1&lt;/b&gt;&lt;br&gt;%2 · %3</translation>
    </message>
    <message>
        <source>valid UTF-8: can go out as text</source>
        <translation>올바른 UTF-8: 텍스트로 보낼 수 있음</translation>
    </message>
    <message>
        <source>binary (not valid UTF-8)</source>
        <translation>바이너리 (올바른 UTF-8 아님)</translation>
    </message>
</context>
<context>
    <name>wsi::FrameEncoder</name>
    <message>
        <source>Text frame with invalid UTF-8</source>
        <translation>잘못된 UTF-8이 담긴 텍스트 프레임</translation>
    </message>
    <message>
        <source>Ping with a 126-byte payload (limit is 125)</source>
        <translation>126바이트 페이로드의 핑 (한도는 125)</translation>
    </message>
    <message>
        <source>Fragmented ping (FIN=0)</source>
        <translation>프래그먼트된 핑 (FIN=0)</translation>
    </message>
    <message>
        <source>Unsolicited pong</source>
        <translation>요청하지 않은 퐁</translation>
    </message>
    <message>
        <source>Close with reserved code 1005</source>
        <translation>예약된 코드 1005로 Close</translation>
    </message>
    <message>
        <source>Continuation without a start frame</source>
        <translation>시작 프레임 없는 continuation</translation>
    </message>
    <message>
        <source>Frame with reserved opcode 0x3</source>
        <translation>예약된 opcode 0x3 프레임</translation>
    </message>
    <message>
        <source>Text frame with RSV1 set (no extension)</source>
        <translation>RSV1이 설정된 텍스트 프레임 (확장 없음)</translation>
    </message>
    <message>
        <source>Unmasked text frame from a client</source>
        <translation>클라이언트가 보낸 마스킹 안 된 텍스트 프레임</translation>
    </message>
    <message>
        <source>Unknown preset &quot;%1&quot;; the presets are: %2.</source>
        <translation>알 수 없는 프리셋 &quot;%1&quot;. 프리셋은 %2입니다.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not key=value.</source>
        <translation>&quot;%1&quot;은(는) key=value 형식이 아닙니다.</translation>
    </message>
    <message>
        <source>The payload must start with text:, hex: or base64:.</source>
        <translation>페이로드는 text:, hex:, base64: 중 하나로 시작해야 합니다.</translation>
    </message>
    <message>
        <source>Unknown field &quot;%1&quot;; the fields are fin, rsv1, rsv2, rsv3, opcode, mask, key, payload, preset.</source>
        <translation>알 수 없는 필드 &quot;%1&quot;. 필드는 fin, rsv1, rsv2, rsv3, opcode, mask, key, payload, preset입니다.</translation>
    </message>
    <message>
        <source>The value of %1 (&quot;%2&quot;) is not valid.</source>
        <translation>%1의 값(&quot;%2&quot;)이 올바르지 않습니다.</translation>
    </message>
</context>
<context>
    <name>wsi::HandshakeBanner</name>
    <message>
        <source>&lt;b&gt;The certificate of %1 failed verification.&lt;/b&gt; The connection is paused until you decide.</source>
        <translation>&lt;b&gt;%1의 인증서가 검증에 실패했습니다.&lt;/b&gt; 결정할 때까지 연결을 멈춰 둡니다.</translation>
    </message>
    <message>
        <source>&lt;br/&gt;The response body (%1 bytes) is in the Response → Body tab.</source>
        <translation>&lt;br/&gt;응답 본문(%1바이트)은 응답 → 본문 탭에 있습니다.</translation>
    </message>
    <message>
        <source>The connection failed before any response arrived.</source>
        <translation>응답이 오기 전에 연결이 실패했습니다.</translation>
    </message>
    <message>
        <source>No handshake response.</source>
        <translation>핸드셰이크 응답이 없습니다.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Encrypted (wss://), not intercepted.&lt;/b&gt; The bytes on the wire are TLS records, so the handshake and frames cannot be shown exactly as sent. The request table lists the headers the app set; messages are recorded as the socket delivered them.</source>
        <translation>&lt;b&gt;암호화됨 (wss://), 가로채지 않음.&lt;/b&gt; 와이어의 바이트는 TLS 레코드이므로 핸드셰이크와 프레임을 보낸 그대로 보여 줄 수 없습니다. 요청 표에는 앱이 설정한 헤더가 나오고, 메시지는 소켓이 전달한 대로 기록합니다.</translation>
    </message>
    <message>
        <source>Connecting to %1…</source>
        <translation>%1에 연결 중…</translation>
    </message>
</context>
<context>
    <name>wsi::HandshakeBodyView</name>
    <message>
        <source>(No body: a 101 response ends with its head.)</source>
        <translation>(본문 없음: 101 응답은 헤드로 끝납니다.)</translation>
    </message>
    <message>
        <source>(The response had no body.)</source>
        <translation>(응답에 본문이 없었습니다.)</translation>
    </message>
    <message>
        <source>

(Body truncated: only the first %1 bytes were kept.)</source>
        <translation>

(본문 잘림: 처음 %1바이트만 보관했습니다.)</translation>
    </message>
</context>
<context>
    <name>wsi::HandshakeCheck</name>
    <message>
        <source>(absent)</source>
        <translation>(없음)</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>상태</translation>
    </message>
    <message>
        <source>The response has no Upgrade header; a server accepting a WebSocket must send &quot;Upgrade: websocket&quot; (RFC 6455 section 4.2.2).</source>
        <translation>응답에 Upgrade 헤더가 없습니다. WebSocket을 받아들이는 서버는 &quot;Upgrade: websocket&quot;을 보내야 합니다(RFC 6455 4.2.2절).</translation>
    </message>
    <message>
        <source>The Upgrade header must be exactly &quot;websocket&quot; (any letter case) (RFC 6455 section 4.1).</source>
        <translation>Upgrade 헤더는 정확히 &quot;websocket&quot;이어야 합니다(대소문자 무관)(RFC 6455 4.1절).</translation>
    </message>
    <message>
        <source>a list containing &quot;Upgrade&quot;</source>
        <translation>&quot;Upgrade&quot;를 포함하는 목록</translation>
    </message>
    <message>
        <source>The Connection header must contain the token &quot;Upgrade&quot; (any letter case) (RFC 6455 section 4.1).</source>
        <translation>Connection 헤더에는 &quot;Upgrade&quot; 토큰이 있어야 합니다(대소문자 무관)(RFC 6455 4.1절).</translation>
    </message>
    <message>
        <source>(cannot be computed)</source>
        <translation>(계산할 수 없음)</translation>
    </message>
    <message>
        <source>The request has no Sec-WebSocket-Key, so the expected accept value cannot be computed.</source>
        <translation>요청에 Sec-WebSocket-Key가 없어서 기대하는 accept 값을 계산할 수 없습니다.</translation>
    </message>
    <message>
        <source>The response has no Sec-WebSocket-Accept header; the server must prove it read the key (RFC 6455 section 4.2.2).</source>
        <translation>응답에 Sec-WebSocket-Accept 헤더가 없습니다. 서버는 키를 읽었다는 것을 증명해야 합니다(RFC 6455 4.2.2절).</translation>
    </message>
    <message>
        <source>The response has %1 Sec-WebSocket-Accept headers; there must be exactly one.</source>
        <translation>응답에 Sec-WebSocket-Accept 헤더가 %1개 있습니다. 정확히 하나여야 합니다.</translation>
    </message>
    <message>
        <source>Sec-WebSocket-Accept must be base64(SHA-1(key + &quot;%1&quot;)) of the request&apos;s Sec-WebSocket-Key; this value does not match, so the server did not answer this request correctly (RFC 6455 section 4.2.2).</source>
        <translation>Sec-WebSocket-Accept는 요청의 Sec-WebSocket-Key로 계산한 base64(SHA-1(key + &quot;%1&quot;))여야 합니다. 이 값이 일치하지 않으므로 서버가 이 요청에 올바르게 답하지 않았습니다(RFC 6455 4.2.2절).</translation>
    </message>
    <message>
        <source>absent, or one of: %1</source>
        <translation>없음, 또는 다음 중 하나: %1</translation>
    </message>
    <message>
        <source>The server must choose exactly one subprotocol, but it sent several (RFC 6455 section 4.2.2).</source>
        <translation>서버는 서브프로토콜을 정확히 하나 골라야 하는데 여러 개를 보냈습니다(RFC 6455 4.2.2절).</translation>
    </message>
    <message>
        <source>The server chose subprotocol &quot;%1&quot; but the client offered none (RFC 6455 section 4.1).</source>
        <translation>클라이언트가 아무 서브프로토콜도 제안하지 않았는데 서버가 서브프로토콜 &quot;%1&quot;을 골랐습니다(RFC 6455 4.1절).</translation>
    </message>
    <message>
        <source>The server chose subprotocol &quot;%1&quot;, which the client did not offer (RFC 6455 section 4.1).</source>
        <translation>서버가 클라이언트가 제안하지 않은 서브프로토콜 &quot;%1&quot;을 골랐습니다(RFC 6455 4.1절).</translation>
    </message>
    <message>
        <source>absent, or among: %1</source>
        <translation>없음, 또는 다음 중에서: %1</translation>
    </message>
    <message>
        <source>The server enabled %1, which the client did not offer (RFC 6455 section 4.1).</source>
        <translation>서버가 클라이언트가 제안하지 않은 %1을(를) 켰습니다(RFC 6455 4.1절).</translation>
    </message>
    <message>
        <source>permessage-deflate means compressed frames (RSV1 set); Qt WebSockets does not support permessage-deflate and fails the connection with close code 1002 at the first compressed frame.</source>
        <translation>permessage-deflate는 압축된 프레임(RSV1 설정)을 뜻합니다. Qt WebSockets는 permessage-deflate를 지원하지 않으므로 첫 압축 프레임에서 종료 코드 1002로 연결을 실패시킵니다.</translation>
    </message>
    <message>
        <source>The host name and port the client is connecting to; required in every HTTP/1.1 request.</source>
        <translation>클라이언트가 연결하려는 호스트 이름과 포트입니다. 모든 HTTP/1.1 요청에 필요합니다.</translation>
    </message>
    <message>
        <source>The web page origin that opened the connection; browsers always send it, and servers use it to refuse cross-site connections.</source>
        <translation>연결을 연 웹 페이지의 출처(origin)입니다. 브라우저는 늘 보내고, 서버는 이것으로 다른 사이트에서 온 연결을 거부합니다.</translation>
    </message>
    <message>
        <source>Asks to switch protocols; &quot;websocket&quot; in both the request and the 101 response.</source>
        <translation>프로토콜 전환을 요청합니다. 요청과 101 응답 모두에서 &quot;websocket&quot;입니다.</translation>
    </message>
    <message>
        <source>Must contain &quot;Upgrade&quot; so that proxies know the Upgrade header is meant for the next hop.</source>
        <translation>&quot;Upgrade&quot;를 포함해야 프록시가 Upgrade 헤더를 다음 홉에 전달할 것으로 압니다.</translation>
    </message>
    <message>
        <source>A random 16-byte base64 nonce from the client; the server proves it read the request by hashing it into Sec-WebSocket-Accept.</source>
        <translation>클라이언트가 만든 16바이트 무작위 base64 논스입니다. 서버는 이것을 해시해 Sec-WebSocket-Accept에 담아 요청을 읽었음을 증명합니다.</translation>
    </message>
    <message>
        <source>The WebSocket protocol version the client speaks; always 13 (RFC 6455).</source>
        <translation>클라이언트가 쓰는 WebSocket 프로토콜 버전입니다. 항상 13입니다(RFC 6455).</translation>
    </message>
    <message>
        <source>base64(SHA-1(Sec-WebSocket-Key + &quot;258EAFA5-E914-47DA-95CA-C5AB0DC85B11&quot;)): proof that the server understood the WebSocket request.</source>
        <translation>base64(SHA-1(Sec-WebSocket-Key + &quot;258EAFA5-E914-47DA-95CA-C5AB0DC85B11&quot;)): 서버가 WebSocket 요청을 이해했다는 증명입니다.</translation>
    </message>
    <message>
        <source>Subprotocols the client offers (request) or the single one the server chose (response).</source>
        <translation>클라이언트가 제안하는 서브프로토콜(요청) 또는 서버가 고른 하나의 서브프로토콜(응답)입니다.</translation>
    </message>
    <message>
        <source>Extensions offered (request) or accepted (response), such as permessage-deflate, which Qt WebSockets does not support.</source>
        <translation>제안된(요청) 또는 수락된(응답) 확장입니다. 예를 들어 permessage-deflate가 있는데, Qt WebSockets는 이를 지원하지 않습니다.</translation>
    </message>
    <message>
        <source>The client software and version.</source>
        <translation>클라이언트 소프트웨어와 버전입니다.</translation>
    </message>
    <message>
        <source>Cookies the client sends back to the server, often the login session.</source>
        <translation>클라이언트가 서버에 돌려보내는 쿠키로, 대개 로그인 세션입니다.</translation>
    </message>
    <message>
        <source>A cookie the server asks the client to store and send back later.</source>
        <translation>서버가 클라이언트에게 저장했다가 나중에 돌려보내 달라고 하는 쿠키입니다.</translation>
    </message>
    <message>
        <source>Credentials for the server, such as a Basic password or a Bearer token; treat the value as a secret.</source>
        <translation>서버에 보내는 자격 증명입니다. 예를 들어 Basic 비밀번호나 Bearer 토큰이며, 값은 비밀 값으로 다루세요.</translation>
    </message>
    <message>
        <source>The server software and version.</source>
        <translation>서버 소프트웨어와 버전입니다.</translation>
    </message>
    <message>
        <source>When the response was generated, by the server&apos;s clock.</source>
        <translation>서버 시계 기준으로 응답을 만든 시각입니다.</translation>
    </message>
    <message>
        <source>The media type of the body, such as text/html or application/json.</source>
        <translation>본문의 미디어 유형입니다. 예: text/html, application/json.</translation>
    </message>
    <message>
        <source>The body size in bytes; absent on a 101 response, whose body is the WebSocket stream.</source>
        <translation>본문 크기(바이트)입니다. 101 응답에는 없습니다. 그 본문이 곧 WebSocket 스트림이기 때문입니다.</translation>
    </message>
    <message>
        <source>The server accepted the upgrade and switched to the WebSocket protocol.</source>
        <translation>서버가 업그레이드를 받아들이고 WebSocket 프로토콜로 전환했습니다.</translation>
    </message>
    <message>
        <source>The server answered as for an ordinary web page: nothing at this address speaks WebSocket, or a proxy ignored the Upgrade header.</source>
        <translation>서버가 일반 웹 페이지처럼 답했습니다. 이 주소에서 WebSocket을 쓰는 것이 없거나, 프록시가 Upgrade 헤더를 무시했습니다.</translation>
    </message>
    <message>
        <source>The server redirected the upgrade elsewhere (see the Location header); Qt WebSockets does not follow redirects, so connect to that address instead.</source>
        <translation>서버가 업그레이드를 다른 곳으로 리디렉션했습니다(Location 헤더 참고). Qt WebSockets는 리디렉션을 따라가지 않으므로 그 주소로 직접 연결하세요.</translation>
    </message>
    <message>
        <source>The server refused the upgrade as a bad request: a header is missing, malformed or sent twice, or the WebSocket version is not supported.</source>
        <translation>서버가 잘못된 요청이라며 업그레이드를 거부했습니다. 헤더가 빠졌거나 형식이 틀렸거나 두 번 보내졌거나, WebSocket 버전을 지원하지 않습니다.</translation>
    </message>
    <message>
        <source>The server refused the upgrade because it needs authentication: add credentials, such as an Authorization header or a cookie.</source>
        <translation>서버에 인증이 필요해서 업그레이드를 거부했습니다. Authorization 헤더나 쿠키 같은 자격 증명을 추가하세요.</translation>
    </message>
    <message>
        <source>The server refused the upgrade: it understood the request but will not allow it, often because of the Origin, a missing token, or the client address.</source>
        <translation>서버가 업그레이드를 거부했습니다. 요청은 이해했지만 허용하지 않습니다. Origin, 빠진 토큰, 클라이언트 주소 때문인 경우가 많습니다.</translation>
    </message>
    <message>
        <source>The server refused the upgrade because nothing is at this path: check the URL path.</source>
        <translation>이 경로에 아무것도 없어서 서버가 업그레이드를 거부했습니다. URL 경로를 확인하세요.</translation>
    </message>
    <message>
        <source>The server refused the upgrade because this path does not accept the GET method used by WebSocket.</source>
        <translation>이 경로가 WebSocket이 쓰는 GET 메서드를 받지 않아서 서버가 업그레이드를 거부했습니다.</translation>
    </message>
    <message>
        <source>A proxy between here and the server needs authentication before it will forward the upgrade.</source>
        <translation>여기와 서버 사이의 프록시가 업그레이드를 전달하기 전에 인증을 요구합니다.</translation>
    </message>
    <message>
        <source>The server requires a different protocol version: see its Sec-WebSocket-Version header or whether it wants TLS (wss://).</source>
        <translation>서버가 다른 프로토콜 버전을 요구합니다. 서버의 Sec-WebSocket-Version 헤더를 보거나 TLS(wss://)를 원하는지 확인하세요.</translation>
    </message>
    <message>
        <source>The server refused the upgrade because the client sent too many requests; wait before retrying.</source>
        <translation>클라이언트가 요청을 너무 많이 보내서 서버가 업그레이드를 거부했습니다. 잠시 기다린 뒤 다시 시도하세요.</translation>
    </message>
    <message>
        <source>The server failed with an internal error while handling the upgrade.</source>
        <translation>서버가 업그레이드를 처리하다가 내부 오류로 실패했습니다.</translation>
    </message>
    <message>
        <source>A gateway or proxy could not get a valid answer from the server behind it.</source>
        <translation>게이트웨이나 프록시가 뒤에 있는 서버에서 올바른 응답을 받지 못했습니다.</translation>
    </message>
    <message>
        <source>The server is unavailable, overloaded or in maintenance; try again later.</source>
        <translation>서버를 사용할 수 없거나 과부하 상태이거나 점검 중입니다. 나중에 다시 시도하세요.</translation>
    </message>
    <message>
        <source>A gateway or proxy timed out waiting for the server behind it.</source>
        <translation>게이트웨이나 프록시가 뒤에 있는 서버를 기다리다가 시간 초과되었습니다.</translation>
    </message>
    <message>
        <source>The server sent an informational status instead of 101 Switching Protocols.</source>
        <translation>서버가 101 Switching Protocols 대신 정보성 상태를 보냈습니다.</translation>
    </message>
    <message>
        <source>The server answered with success but did not switch protocols: it does not speak WebSocket here.</source>
        <translation>서버가 성공으로 답했지만 프로토콜을 전환하지 않았습니다. 여기서는 WebSocket을 쓰지 않습니다.</translation>
    </message>
    <message>
        <source>The server redirected the upgrade; Qt WebSockets does not follow redirects.</source>
        <translation>서버가 업그레이드를 리디렉션했습니다. Qt WebSockets는 리디렉션을 따라가지 않습니다.</translation>
    </message>
    <message>
        <source>The server refused the upgrade because of something in the request (client error %1).</source>
        <translation>요청의 무언가 때문에 서버가 업그레이드를 거부했습니다(클라이언트 오류 %1).</translation>
    </message>
    <message>
        <source>The server failed while handling the upgrade (server error %1).</source>
        <translation>서버가 업그레이드를 처리하다가 실패했습니다(서버 오류 %1).</translation>
    </message>
    <message>
        <source>The server answered with status %1, which is not a valid HTTP status code.</source>
        <translation>서버가 상태 %1을(를) 보냈는데, 이는 유효한 HTTP 상태 코드가 아닙니다.</translation>
    </message>
</context>
<context>
    <name>wsi::HandshakeChecksList</name>
    <message>
        <source>Check</source>
        <translation>검사</translation>
    </message>
    <message>
        <source>Expected</source>
        <translation>기대값</translation>
    </message>
    <message>
        <source>Actual</source>
        <translation>실제값</translation>
    </message>
    <message>
        <source>Passed</source>
        <translation>통과</translation>
    </message>
    <message>
        <source>(absent)</source>
        <translation>(없음)</translation>
    </message>
</context>
<context>
    <name>wsi::HandshakeDiffDialog</name>
    <message>
        <source>Compare Handshakes: #%1 and #%2</source>
        <translation>핸드셰이크 비교: #%1, #%2</translation>
    </message>
    <message>
        <source>Request (client → server)</source>
        <translation>요청 (클라이언트 → 서버)</translation>
    </message>
    <message>
        <source>Response (server → client)</source>
        <translation>응답 (서버 → 클라이언트)</translation>
    </message>
    <message>
        <source>Response body</source>
        <translation>응답 본문</translation>
    </message>
    <message>
        <source>Only &amp;differences</source>
        <translation>차이만 표시(&amp;D)</translation>
    </message>
    <message>
        <source>Hide the headers that are the same on both sides</source>
        <translation>양쪽이 같은 헤더는 숨깁니다</translation>
    </message>
    <message>
        <source>&lt;span style=&apos;background:%1&apos;&gt;&amp;nbsp;+ added&amp;nbsp;&lt;/span&gt; &amp;nbsp; &lt;span style=&apos;background:%2&apos;&gt;&amp;nbsp;− removed&amp;nbsp;&lt;/span&gt; &amp;nbsp; &lt;span style=&apos;background:%3&apos;&gt;&amp;nbsp;~ changed&amp;nbsp;&lt;/span&gt; &amp;nbsp; dimmed: differs on every attempt</source>
        <translation>&lt;span style=&apos;background:%1&apos;&gt;&amp;nbsp;+ 추가됨&amp;nbsp;&lt;/span&gt; &amp;nbsp; &lt;span style=&apos;background:%2&apos;&gt;&amp;nbsp;− 제거됨&amp;nbsp;&lt;/span&gt; &amp;nbsp; &lt;span style=&apos;background:%3&apos;&gt;&amp;nbsp;~ 바뀜&amp;nbsp;&lt;/span&gt; &amp;nbsp; 흐리게: 시도마다 달라지는 값</translation>
    </message>
    <message>
        <source>#%1 %2 (%3)</source>
        <translation>#%1 %2 (%3)</translation>
    </message>
    <message>
        <source>no response</source>
        <translation>응답 없음</translation>
    </message>
    <message>
        <source>(no body)</source>
        <translation>(본문 없음)</translation>
    </message>
    <message>
        <source>

(Body truncated: only the first %1 bytes were kept.)</source>
        <translation>

(본문 잘림: 처음 %1바이트만 보관했습니다.)</translation>
    </message>
    <message>
        <source>Request line</source>
        <translation>요청 줄</translation>
    </message>
    <message>
        <source>Status line</source>
        <translation>상태 줄</translation>
    </message>
    <message>
        <source>No differences besides the per-attempt key, accept and date.</source>
        <translation>시도마다 달라지는 키, accept, date 말고는 차이가 없습니다.</translation>
    </message>
    <message numerus="yes">
        <source>%n difference(s)</source>
        <translation>
            <numerusform>차이 %n개</numerusform>
        </translation>
    </message>
    <message>
        <source>: the status changed from %1 to %2.</source>
        <translation>: 상태가 %1에서 %2(으)로 바뀌었습니다.</translation>
    </message>
</context>
<context>
    <name>wsi::HandshakeDiffModel</name>
    <message>
        <source>Older</source>
        <translation>이전</translation>
    </message>
    <message>
        <source>Newer</source>
        <translation>이후</translation>
    </message>
    <message>
        <source>The same on both sides</source>
        <translation>양쪽이 같음</translation>
    </message>
    <message>
        <source>Only in the newer handshake</source>
        <translation>이후 핸드셰이크에만 있음</translation>
    </message>
    <message>
        <source>Only in the older handshake</source>
        <translation>이전 핸드셰이크에만 있음</translation>
    </message>
    <message>
        <source>Changed; this header differs on every attempt by design</source>
        <translation>바뀜. 이 헤더는 원래 시도마다 달라집니다</translation>
    </message>
    <message>
        <source>Changed: %1 → %2</source>
        <translation>바뀜: %1 → %2</translation>
    </message>
    <message>
        <source>Header</source>
        <translation>헤더</translation>
    </message>
</context>
<context>
    <name>wsi::HandshakeTimingsLabel</name>
    <message>
        <source>Timings: </source>
        <translation>소요 시간: </translation>
    </message>
    <message>
        <source>The total is the sum of the parts.</source>
        <translation>합계는 각 부분의 합입니다.</translation>
    </message>
    <message>
        <source>Socket start</source>
        <translation>소켓 시작</translation>
    </message>
    <message>
        <source>Socket start: from Connect until the local tap on 127.0.0.1 accepted the app&apos;s WebSocket (the socket starting and connecting to its tap).</source>
        <translation>소켓 시작: 연결을 시작한 때부터 127.0.0.1의 로컬 탭이 앱의 WebSocket을 받아들일 때까지의 시간입니다 (소켓이 시작되어 탭에 연결하는 시간).</translation>
    </message>
    <message>
        <source>DNS</source>
        <translation>DNS</translation>
    </message>
    <message>
        <source>TCP</source>
        <translation>TCP</translation>
    </message>
    <message>
        <source>TLS</source>
        <translation>TLS</translation>
    </message>
    <message>
        <source>Upgrade</source>
        <translation>업그레이드</translation>
    </message>
    <message>
        <source>Local tap</source>
        <translation>로컬 탭</translation>
    </message>
    <message>
        <source>Local tap: the time spent with the tap that records the wire for you: its proxy exchange with the app&apos;s WebSocket (CONNECT, the credentials challenge, 200) and the hand-offs through it (the upgrade request into the tunnel, the response back to the WebSocket).</source>
        <translation>로컬 탭: 통신 내용을 기록하는 탭에서 보낸 시간입니다. 앱의 WebSocket과 주고받는 프록시 교환(CONNECT, 인증 요구, 200)과 탭을 거치는 전달(업그레이드 요청을 터널로, 응답을 WebSocket으로)이 포함됩니다.</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>기타</translation>
    </message>
    <message>
        <source>Other: time no step measured (a recorded session knows only some of the steps; the upgrade of wss without interception is encrypted and cannot be timed).</source>
        <translation>기타: 어느 단계도 측정하지 않은 시간입니다 (기록된 세션은 일부 단계만 알고, 가로채기 없는 wss의 업그레이드는 암호화되어 있어 잴 수 없습니다).</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>합계</translation>
    </message>
</context>
<context>
    <name>wsi::HandshakeView</name>
    <message>
        <source>Reveal Secrets</source>
        <translation>비밀 값 표시</translation>
    </message>
    <message>
        <source>Show Authorization, cookie and token values instead of ••••••. The recorded bytes never change; copying copies what is shown.</source>
        <translation>Authorization, 쿠키, 토큰 값을 •••••• 대신 보여 줍니다. 기록된 바이트는 바뀌지 않으며, 복사하면 보이는 그대로 복사됩니다.</translation>
    </message>
    <message>
        <source>Request (client → server)</source>
        <translation>요청 (클라이언트 → 서버)</translation>
    </message>
    <message>
        <source>The request head as sent. Secrets are masked unless revealed; copying copies what is shown.</source>
        <translation>보낸 그대로의 요청 헤드입니다. 비밀 값은 표시하지 않으면 가려지며, 복사하면 보이는 그대로 복사됩니다.</translation>
    </message>
    <message>
        <source>Headers</source>
        <translation>헤더</translation>
    </message>
    <message>
        <source>Raw</source>
        <translation>원본</translation>
    </message>
    <message>
        <source>Response (server → client)</source>
        <translation>응답 (서버 → 클라이언트)</translation>
    </message>
    <message>
        <source>The response head as received. Secrets are masked unless revealed; copying copies what is shown.</source>
        <translation>받은 그대로의 응답 헤드입니다. 비밀 값은 표시하지 않으면 가려지며, 복사하면 보이는 그대로 복사됩니다.</translation>
    </message>
    <message>
        <source>Body</source>
        <translation>본문</translation>
    </message>
    <message>
        <source>Checks (RFC 6455 section 4.1)</source>
        <translation>검사 (RFC 6455 4.1절)</translation>
    </message>
    <message>
        <source>Sec-WebSocket-Accept and timings</source>
        <translation>Sec-WebSocket-Accept와 소요 시간</translation>
    </message>
    <message>
        <source>TLS (the real server)</source>
        <translation>TLS (실제 서버)</translation>
    </message>
    <message>
        <source>Enter a ws:// or wss:// URL above and press Connect.</source>
        <translation>위에 ws:// 또는 wss:// URL을 입력하고 연결을 누르세요.</translation>
    </message>
    <message>
        <source>(The request went out inside TLS; only the headers the app set are known.)</source>
        <translation>(요청이 TLS 안에서 나갔습니다. 앱이 설정한 헤더만 알 수 있습니다.)</translation>
    </message>
    <message>
        <source>Body (%1 bytes)</source>
        <translation>본문 (%1바이트)</translation>
    </message>
    <message>
        <source>waiting for the response…</source>
        <translation>응답 기다리는 중…</translation>
    </message>
    <message>
        <source>response inside TLS</source>
        <translation>TLS 안의 응답</translation>
    </message>
    <message>
        <source>no response</source>
        <translation>응답 없음</translation>
    </message>
</context>
<context>
    <name>wsi::HeaderTableModel</name>
    <message>
        <source>Name</source>
        <translation>이름</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>값</translation>
    </message>
</context>
<context>
    <name>wsi::HexView</name>
    <message>
        <source>No bytes to show.</source>
        <translation>보여 줄 바이트가 없습니다.</translation>
    </message>
    <message>
        <source>Copy Selection as Hex</source>
        <translation>선택 영역을 Hex로 복사</translation>
    </message>
    <message>
        <source>Copy All as Hex</source>
        <translation>전체를 Hex로 복사</translation>
    </message>
    <message>
        <source>Copy Selection as Text</source>
        <translation>선택 영역을 텍스트로 복사</translation>
    </message>
    <message>
        <source>Copy All as Text</source>
        <translation>전체를 텍스트로 복사</translation>
    </message>
    <message>
        <source>Select All</source>
        <translation>모두 선택</translation>
    </message>
</context>
<context>
    <name>wsi::JsonPath</name>
    <message>
        <source>the path is empty</source>
        <translation>경로가 비어 있습니다</translation>
    </message>
    <message>
        <source>a path starts with $, as in $.id</source>
        <translation>경로는 $.id처럼 $로 시작합니다</translation>
    </message>
    <message>
        <source>a name must follow the dot at position %1</source>
        <translation>위치 %1의 점 뒤에는 이름이 와야 합니다</translation>
    </message>
    <message>
        <source>the quoted name is not closed</source>
        <translation>따옴표로 묶은 이름이 닫히지 않았습니다</translation>
    </message>
    <message>
        <source>a [ at position %1 needs an index (a number) or a quoted name</source>
        <translation>위치 %1의 [ 뒤에는 인덱스(숫자)나 따옴표로 묶은 이름이 필요합니다</translation>
    </message>
    <message>
        <source>a ] is missing at position %1</source>
        <translation>위치 %1에 ]가 없습니다</translation>
    </message>
    <message>
        <source>unexpected &quot;%1&quot; at position %2; use .name, [0] or [&quot;name&quot;]</source>
        <translation>위치 %2에 예상하지 못한 &quot;%1&quot;이 있습니다. .name, [0], [&quot;name&quot;]을 쓰세요</translation>
    </message>
    <message>
        <source>$ alone is the whole message; name a field, as in $.id</source>
        <translation>$만으로는 메시지 전체입니다. $.id처럼 필드를 지정하세요</translation>
    </message>
</context>
<context>
    <name>wsi::JsonTreeModel</name>
    <message>
        <source>Not JSON: %1 at byte %2.</source>
        <translation>JSON이 아닙니다: %2번째 바이트에서 %1.</translation>
    </message>
    <message>
        <source>Not a JSON object or array.</source>
        <translation>JSON 객체나 배열이 아닙니다.</translation>
    </message>
    <message numerus="yes">
        <source>{%n key(s)}</source>
        <translation>
            <numerusform>{키 %n개}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>[%n item(s)]</source>
        <translation>
            <numerusform>[항목 %n개]</numerusform>
        </translation>
    </message>
    <message>
        <source>Key</source>
        <translation>키</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>값</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>유형</translation>
    </message>
    <message>
        <source>(empty)</source>
        <translation>(비어 있음)</translation>
    </message>
    <message numerus="yes">
        <source>[%n items]</source>
        <translation>
            <numerusform>[항목 %n개]</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{%n entries}</source>
        <translation>
            <numerusform>{항목 %n개}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{%n fields}</source>
        <translation>
            <numerusform>{필드 %n개}</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>wsi::Keepalive</name>
    <message>
        <source>No pong within %1 ms for the ping sent at %2 (payload &quot;%3&quot;); the server may be stalled or the network dropped.</source>
        <translation>%2에 보낸 핑(페이로드 &quot;%3&quot;)에 %1 ms 안에 퐁이 오지 않았습니다. 서버가 멈췄거나 네트워크가 끊겼을 수 있습니다.</translation>
    </message>
    <message>
        <source> Closing the connection (1001).</source>
        <translation> 연결을 닫습니다 (1001).</translation>
    </message>
</context>
<context>
    <name>wsi::ListenAddress</name>
    <message>
        <source>&quot;%1&quot; is not [host:]port: an IPv6 address in brackets needs a port after it, as in [::1]:9000.</source>
        <translation>&quot;%1&quot;은(는) [host:]port 형식이 아닙니다: 괄호 안의 IPv6 주소 뒤에는 [::1]:9000처럼 포트가 와야 합니다.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not [host:]port: write an IPv6 address in brackets, as in [::1]:9000.</source>
        <translation>&quot;%1&quot;은(는) [host:]port 형식이 아닙니다: IPv6 주소는 [::1]:9000처럼 괄호 안에 쓰세요.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not [host:]port: the port must be a number from 0 to 65535 (0: a free one).</source>
        <translation>&quot;%1&quot;은(는) [host:]port 형식이 아닙니다: 포트는 0부터 65535까지의 숫자여야 합니다 (0: 빈 포트).</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an IP address to listen on (e.g. 127.0.0.1, 0.0.0.0, [::1]).</source>
        <translation>&quot;%1&quot;은(는) 수신 대기할 IP 주소가 아닙니다 (예: 127.0.0.1, 0.0.0.0, [::1]).</translation>
    </message>
</context>
<context>
    <name>wsi::LocalServer</name>
    <message>
        <source>The server is already running.</source>
        <translation>서버가 이미 실행 중입니다.</translation>
    </message>
    <message>
        <source>The certificate file &quot;%1&quot; cannot be read: %2.</source>
        <translation>인증서 파일 &quot;%1&quot;을(를) 읽을 수 없습니다: %2.</translation>
    </message>
    <message>
        <source>The key file &quot;%1&quot; cannot be read: %2.</source>
        <translation>키 파일 &quot;%1&quot;을(를) 읽을 수 없습니다: %2.</translation>
    </message>
    <message>
        <source>The certificate file &quot;%1&quot; holds no PEM certificate.</source>
        <translation>인증서 파일 &quot;%1&quot;에 PEM 인증서가 없습니다.</translation>
    </message>
    <message>
        <source>The key file &quot;%1&quot; holds no PEM private key (an encrypted key is not supported).</source>
        <translation>키 파일 &quot;%1&quot;에 PEM 개인 키가 없습니다 (암호화된 키는 지원하지 않음).</translation>
    </message>
    <message>
        <source>The key in &quot;%1&quot; does not belong to the certificate in &quot;%2&quot;: every TLS handshake would fail. Pick the key that was made together with this certificate.</source>
        <translation>&quot;%1&quot;의 키가 &quot;%2&quot;의 인증서와 짝이 아닙니다. 모든 TLS 핸드셰이크가 실패할 것입니다. 이 인증서와 함께 만든 키를 고르세요.</translation>
    </message>
    <message>
        <source>No certificate: pick a certificate and key file for wss.</source>
        <translation>인증서가 없습니다. wss용 인증서와 키 파일을 고르세요.</translation>
    </message>
    <message>
        <source>Could not create a certificate for localhost: %1</source>
        <translation>localhost 인증서를 만들 수 없습니다: %1</translation>
    </message>
    <message>
        <source>TLS handshake with %1 failed: %2</source>
        <translation>%1와(과)의 TLS 핸드셰이크 실패: %2</translation>
    </message>
    <message>
        <source>TCP: could not listen on %1 port %2: %3.</source>
        <translation>TCP: %1 포트 %2에서 수신 대기할 수 없습니다: %3.</translation>
    </message>
    <message>
        <source>Another program is listening there: stop it, or pick another port (0 for a free one).</source>
        <translation>다른 프로그램이 그곳에서 수신 대기 중입니다. 그 프로그램을 멈추거나 다른 포트를 고르세요 (0이면 빈 포트).</translation>
    </message>
    <message>
        <source>Test server stopping</source>
        <translation>테스트 서버 중지 중</translation>
    </message>
</context>
<context>
    <name>wsi::LogFilterBar</name>
    <message>
        <source>Messages</source>
        <translation>메시지</translation>
    </message>
    <message>
        <source>Show text and binary messages</source>
        <translation>텍스트와 바이너리 메시지 표시</translation>
    </message>
    <message>
        <source>Control</source>
        <translation>제어</translation>
    </message>
    <message>
        <source>Show pings, pongs and Close frames</source>
        <translation>핑, 퐁, Close 프레임 표시</translation>
    </message>
    <message>
        <source>Frames</source>
        <translation>프레임</translation>
    </message>
    <message>
        <source>Show frame headers (when Show frames is on)</source>
        <translation>프레임 헤더 표시 (프레임 표시가 켜져 있을 때)</translation>
    </message>
    <message>
        <source>Errors</source>
        <translation>오류</translation>
    </message>
    <message>
        <source>Show errors of every layer</source>
        <translation>모든 계층의 오류 표시</translation>
    </message>
    <message>
        <source>Lifecycle</source>
        <translation>수명 주기</translation>
    </message>
    <message>
        <source>Show the handshake, open, TLS and info rows</source>
        <translation>핸드셰이크, 열림, TLS, 정보 행 표시</translation>
    </message>
    <message>
        <source>Filter events (Ctrl+F)</source>
        <translation>이벤트 거르기 (Ctrl+F)</translation>
    </message>
    <message>
        <source>Show only events whose type or payload contains this text (case-insensitive), or matches this regular expression. Esc clears.</source>
        <translation>유형이나 페이로드에 이 텍스트가 들어 있거나(대소문자 무시) 이 정규식에 맞는 이벤트만 보여 줍니다. Esc로 지웁니다.</translation>
    </message>
    <message>
        <source>Treat the filter and find text as regular expressions</source>
        <translation>거르기와 찾기 텍스트를 정규식으로 취급</translation>
    </message>
    <message>
        <source>Both directions</source>
        <translation>양방향</translation>
    </message>
    <message>
        <source>↓ Incoming</source>
        <translation>↓ 받음</translation>
    </message>
    <message>
        <source>↑ Outgoing</source>
        <translation>↑ 보냄</translation>
    </message>
    <message>
        <source>Incoming: server to client; outgoing: client to server. Events without a direction (errors, info) are always shown.</source>
        <translation>받음: 서버에서 클라이언트로, 보냄: 클라이언트에서 서버로. 방향이 없는 이벤트(오류, 정보)는 항상 표시합니다.</translation>
    </message>
    <message>
        <source>Find in shown events (F3 / Shift+F3)</source>
        <translation>표시된 이벤트에서 찾기 (F3 / Shift+F3)</translation>
    </message>
    <message>
        <source>Moves to the next (F3, Enter) or previous (Shift+F3) event containing this text and highlights it in the detail pane. Esc clears.</source>
        <translation>이 텍스트가 들어 있는 다음(F3, Enter) 또는 이전(Shift+F3) 이벤트로 이동하고 상세 창에서 강조합니다. Esc로 지웁니다.</translation>
    </message>
    <message>
        <source>Previous match (Shift+F3)</source>
        <translation>이전 일치 (Shift+F3)</translation>
    </message>
    <message>
        <source>Next match (F3)</source>
        <translation>다음 일치 (F3)</translation>
    </message>
    <message>
        <source>Filter Events</source>
        <translation>이벤트 거르기</translation>
    </message>
    <message>
        <source>Find Next</source>
        <translation>다음 찾기</translation>
    </message>
    <message>
        <source>Find Previous</source>
        <translation>이전 찾기</translation>
    </message>
    <message>
        <source>Filter: %1</source>
        <translation>거르기: %1</translation>
    </message>
    <message>
        <source>Find: %1</source>
        <translation>찾기: %1</translation>
    </message>
    <message>
        <source>%1 events</source>
        <translation>이벤트 %1개</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <source>A proxied connection's two wires: the client leg joins the app and the proxy, the server leg the proxy and the upstream</source>
        <translation>프록시를 거친 연결의 두 구간: 클라이언트 구간은 앱과 프록시를, 서버 구간은 프록시와 업스트림을 잇습니다</translation>
    </message>
    <message>
        <source>Both legs</source>
        <translation>두 구간 모두</translation>
    </message>
    <message>
        <source>Client leg</source>
        <translation>클라이언트 구간</translation>
    </message>
    <message>
        <source>Server leg</source>
        <translation>서버 구간</translation>
    </message>
</context>
<context>
    <name>wsi::CentralArea</name>
    <message>
        <source>Saved endpoints could not be loaded. %1</source>
        <translation>저장된 엔드포인트를 불러올 수 없습니다. %1</translation>
    </message>
    <message>
        <source>&lt;b&gt;Connections&lt;/b&gt;</source>
        <translation>&lt;b&gt;연결&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Messages</source>
        <translation>메시지</translation>
    </message>
    <message>
        <source>Handshake</source>
        <translation>핸드셰이크</translation>
    </message>
    <message>
        <source>Stats</source>
        <translation>통계</translation>
    </message>
    <message>
        <source>Pairs</source>
        <translation>쌍</translation>
    </message>
    <message>
        <source>Requests matched to their replies, with latencies</source>
        <translation>응답과 짝지은 요청과 지연 시간</translation>
    </message>
</context>
<context>
    <name>wsi::StatusLine</name>
    <message>
        <source>Ready: enter a URL and press Connect.</source>
        <translation>준비됨: URL을 입력하고 연결을 누르세요.</translation>
    </message>
    <message>
        <source>No connection selected.</source>
        <translation>선택한 연결이 없습니다.</translation>
    </message>
    <message>
        <source>%1 in · %2 out · wire %3 in / %4 out%5</source>
        <translation>받음 %1 · 보냄 %2 · 와이어 받음 %3 / 보냄 %4%5</translation>
    </message>
    <message numerus="yes">
        <source> · %n error(s)</source>
        <translation>
            <numerusform> · 오류 %n개</numerusform>
        </translation>
    </message>
    <message>
        <source>#%1 %2: %3</source>
        <translation>#%1 %2: %3</translation>
    </message>
</context>
<context>
    <name>wsi::WelcomePage</name>
    <message>
        <source>&lt;h2&gt;Welcome to WS Inspector&lt;/h2&gt;&lt;p&gt;Every byte of the opening handshake, with its checks and timings; every message, ping, close and (with Show frames) every frame, as it crossed the wire.&lt;/p&gt;</source>
        <translation>&lt;h2&gt;WS Inspector에 오신 것을 환영합니다&lt;/h2&gt;&lt;p&gt;여는 핸드셰이크의 모든 바이트를 검사 결과와 소요 시간과 함께, 그리고 모든 메시지, 핑, 종료와 (프레임 표시를 켜면) 모든 프레임을 와이어를 지난 그대로 보여 줍니다.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Try it: start the test server and connect to it</source>
        <translation>바로 해 보기: 테스트 서버를 시작하고 연결하기</translation>
    </message>
    <message>
        <source>Starts the built-in test server on this machine and connects a client to it: both sides of one WebSocket, listed side by side.</source>
        <translation>이 컴퓨터에서 내장 테스트 서버를 시작하고 클라이언트를 연결합니다. 하나의 WebSocket 양쪽이 나란히 표시됩니다.</translation>
    </message>
    <message>
        <source>The test server listens on 127.0.0.1 unless you chose otherwise in its panel (Ctrl+T)</source>
        <translation>테스트 서버 패널(Ctrl+T)에서 따로 정하지 않았다면 테스트 서버는 127.0.0.1에서 수신합니다</translation>
    </message>
    <message>
        <source>Connect to a URL</source>
        <translation>URL에 연결하기</translation>
    </message>
    <message>
        <source>Type a ws:// or wss:// URL in the bar above and press Enter (Ctrl+L).</source>
        <translation>위쪽 입력란에 ws:// 또는 wss:// URL을 입력하고 Enter를 누르세요(Ctrl+L).</translation>
    </message>
    <message>
        <source>Move the focus to the URL field (Ctrl+L)</source>
        <translation>URL 입력란으로 포커스를 옮깁니다(Ctrl+L)</translation>
    </message>
    <message>
        <source>Recent URLs</source>
        <translation>최근 URL</translation>
    </message>
    <message>
        <source>Saved endpoints</source>
        <translation>저장된 엔드포인트</translation>
    </message>
    <message>
        <source>The URLs you connect to are listed here.</source>
        <translation>연결한 URL이 여기에 표시됩니다.</translation>
    </message>
    <message>
        <source>No saved endpoints yet: save a connection with Ctrl+S, or import the samples.</source>
        <translation>저장된 엔드포인트가 아직 없습니다. Ctrl+S로 연결을 저장하거나 예제를 가져오세요.</translation>
    </message>
    <message>
        <source>Import sample endpoints</source>
        <translation>예제 엔드포인트 가져오기</translation>
    </message>
    <message>
        <source>Adds a few public echo and streaming endpoints to the Samples folder</source>
        <translation>공개 에코 및 스트리밍 엔드포인트 몇 개를 Samples 폴더에 추가합니다</translation>
    </message>
    <message>
        <source>Ctrl+L: URL · Ctrl+Enter: send · Ctrl+D: disconnect · Ctrl+Shift+F: frames · Ctrl+T: test server · F1: about</source>
        <translation>Ctrl+L: URL · Ctrl+Enter: 보내기 · Ctrl+D: 연결 끊기 · Ctrl+Shift+F: 프레임 · Ctrl+T: 테스트 서버 · F1: 정보</translation>
    </message>
    <message>
        <source>Connect to %1</source>
        <translation>%1에 연결</translation>
    </message>
    <message>
        <source>Connect to the endpoint %1
%2</source>
        <translation>엔드포인트 %1에 연결
%2</translation>
    </message>
    <message numerus="yes">
        <source>%n more in the Endpoints panel.</source>
        <translation>
            <numerusform>엔드포인트 패널에 %n개 더 있습니다.</numerusform>
        </translation>
    </message>
    <message>
        <source>The samples could not be imported. %1</source>
        <translation>예제를 가져올 수 없습니다. %1</translation>
    </message>
    <message>
        <source>1 sample endpoint added to the Samples folder of the Endpoints panel.</source>
        <translation>예제 엔드포인트 1개를 엔드포인트 패널의 Samples 폴더에 추가했습니다.</translation>
    </message>
    <message>
        <source>%1 sample endpoints added to the Samples folder of the Endpoints panel.</source>
        <translation>예제 엔드포인트 %1개를 엔드포인트 패널의 Samples 폴더에 추가했습니다.</translation>
    </message>
</context>
<context>
    <name>wsi::MainWindow</name>
    <message>
        <source>WS Inspector</source>
        <translation>WS Inspector</translation>
    </message>
    <message>
        <source>%1%2 — WS Inspector</source>
        <translation>%1%2 — WS Inspector</translation>
    </message>
    <message>
        <source> [read-only]</source>
        <translation> [읽기 전용]</translation>
    </message>
</context>
<context>
    <name>wsi::MainWindowActions</name>
    <message>
        <source>&amp;New Connection</source>
        <translation>새 연결(&amp;N)</translation>
    </message>
    <message>
        <source>Clear the URL and options to start a new connection</source>
        <translation>새 연결을 시작하도록 URL과 옵션을 비웁니다</translation>
    </message>
    <message>
        <source>&amp;Connect</source>
        <translation>연결(&amp;C)</translation>
    </message>
    <message>
        <source>Connect to the URL</source>
        <translation>URL로 연결</translation>
    </message>
    <message>
        <source>&amp;Disconnect</source>
        <translation>연결 끊기(&amp;D)</translation>
    </message>
    <message>
        <source>Close the selected connection normally (1000), or abort it while connecting (Ctrl+D)</source>
        <translation>선택한 연결을 정상적으로 닫거나(1000), 연결 중이면 중단합니다 (Ctrl+D)</translation>
    </message>
    <message>
        <source>C&amp;lose…</source>
        <translation>닫기(&amp;L)…</translation>
    </message>
    <message>
        <source>Send a Close frame with a code and a reason you choose</source>
        <translation>원하는 코드와 사유로 Close 프레임을 보냅니다</translation>
    </message>
    <message>
        <source>&amp;Remove Connection</source>
        <translation>연결 제거(&amp;R)</translation>
    </message>
    <message>
        <source>Close and remove the selected connection from the list</source>
        <translation>선택한 연결을 닫고 목록에서 제거합니다</translation>
    </message>
    <message>
        <source>&amp;Send</source>
        <translation>보내기(&amp;S)</translation>
    </message>
    <message>
        <source>Send the composer&apos;s text (Ctrl+Enter)</source>
        <translation>작성기의 텍스트를 보냅니다 (Ctrl+Enter)</translation>
    </message>
    <message>
        <source>&amp;Ping</source>
        <translation>핑(&amp;P)</translation>
    </message>
    <message>
        <source>Send a Ping frame</source>
        <translation>Ping 프레임 보내기</translation>
    </message>
    <message>
        <source>Go to &amp;URL</source>
        <translation>URL로 이동(&amp;U)</translation>
    </message>
    <message>
        <source>Move to the URL field</source>
        <translation>URL 칸으로 이동</translation>
    </message>
    <message>
        <source>Show &amp;Frames</source>
        <translation>프레임 표시(&amp;F)</translation>
    </message>
    <message>
        <source>List every frame in the log</source>
        <translation>로그에 모든 프레임 표시</translation>
    </message>
    <message>
        <source>&amp;Relative Time</source>
        <translation>상대 시각(&amp;R)</translation>
    </message>
    <message>
        <source>Times relative to the start of the connection</source>
        <translation>연결 시작 기준 시각</translation>
    </message>
    <message>
        <source>&amp;Messages</source>
        <translation>메시지(&amp;M)</translation>
    </message>
    <message>
        <source>Show the event log</source>
        <translation>이벤트 로그 표시</translation>
    </message>
    <message>
        <source>&amp;Handshake</source>
        <translation>핸드셰이크(&amp;H)</translation>
    </message>
    <message>
        <source>Show the opening handshake</source>
        <translation>여는 핸드셰이크 표시</translation>
    </message>
    <message>
        <source>&amp;Stats</source>
        <translation>통계(&amp;S)</translation>
    </message>
    <message>
        <source>Show ping round-trip times and message rates</source>
        <translation>핑 왕복 시간과 메시지 속도 표시</translation>
    </message>
    <message>
        <source>Reveal &amp;Secrets</source>
        <translation>비밀 값 표시(&amp;S)</translation>
    </message>
    <message>
        <source>Show Authorization, cookie and token values instead of masking them (the recording never changes)</source>
        <translation>Authorization, 쿠키, 토큰 값을 가리지 않고 보여 줍니다 (기록은 바뀌지 않음)</translation>
    </message>
    <message>
        <source>Co&amp;mpare Handshakes</source>
        <translation>핸드셰이크 비교(&amp;M)</translation>
    </message>
    <message>
        <source>Compare the handshakes of the two selected connections (Ctrl+click to select two), or of the selected one and the previous attempt at the same URL</source>
        <translation>선택한 두 연결(Ctrl+클릭으로 두 개 선택)의 핸드셰이크를 비교하거나, 선택한 연결과 같은 URL에 대한 이전 시도의 핸드셰이크를 비교합니다</translation>
    </message>
    <message>
        <source>&amp;About WS Inspector</source>
        <translation>WS Inspector 정보(&amp;A)</translation>
    </message>
    <message>
        <source>About this tool</source>
        <translation>이 도구에 대하여</translation>
    </message>
    <message>
        <source>&amp;Preferences…</source>
        <translation>환경설정(&amp;P)…</translation>
    </message>
    <message>
        <source>Trusted certificates and the inspector&apos;s certificate authority</source>
        <translation>신뢰하는 인증서와 인스펙터의 인증 기관</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>종료(&amp;Q)</translation>
    </message>
    <message>
        <source>Quit WS Inspector</source>
        <translation>WS Inspector 종료</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>파일(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>편집(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Connection</source>
        <translation>연결(&amp;C)</translation>
    </message>
    <message>
        <source>Test &amp;Server</source>
        <translation>테스트 서버(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>보기(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Theme</source>
        <translation>테마(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;System</source>
        <translation>시스템(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Light</source>
        <translation>밝게(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Dark</source>
        <translation>어둡게(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>도움말(&amp;H)</translation>
    </message>
    <message>
        <source>Main</source>
        <translation>기본</translation>
    </message>
    <message>
        <source>C&amp;omposer</source>
        <translation>작성 영역(&amp;O)</translation>
    </message>
    <message>
        <source>Show the message composer below the log; fold it away to give the log its room</source>
        <translation>로그 아래에 메시지 작성 영역을 보입니다. 접으면 그 자리를 로그가 씁니다</translation>
    </message>
</context>
<context>
    <name>wsi::MessageEditor</name>
    <message>
        <source>Message; Ctrl+Enter sends it, Alt+Up/Down recall sent messages, {{uuid}} and other variables are resolved when sent</source>
        <translation>메시지. Ctrl+Enter로 보내고, Alt+위/아래로 보낸 메시지를 불러오며, {{uuid}} 같은 변수는 보낼 때 치환합니다</translation>
    </message>
    <message>
        <source>Click to put the cursor where the error is</source>
        <translation>클릭하면 오류 위치로 커서를 옮깁니다</translation>
    </message>
    <message>
        <source>The payload with its variables resolved as they would be now</source>
        <translation>지금 보낸다면 변수가 치환된 페이로드</translation>
    </message>
    <message>
        <source>The file is still being read.</source>
        <translation>파일을 아직 읽는 중입니다.</translation>
    </message>
    <message>
        <source>Choose a file to send.</source>
        <translation>보낼 파일을 고르세요.</translation>
    </message>
    <message>
        <source>%1   (unknown, sent as written: %2)</source>
        <translation>%1   (알 수 없음, 쓴 그대로 보냄: %2)</translation>
    </message>
    <message>
        <source>%1 (in the text with variables resolved)</source>
        <translation>%1 (변수를 치환한 텍스트 안)</translation>
    </message>
    <message>
        <source>Preview: %1</source>
        <translation>미리 보기: %1</translation>
    </message>
</context>
<context>
    <name>wsi::PairingRule</name>
    <message>
        <source>pairing rule: the request path is missing (e.g. $.id).</source>
        <translation>pairing rule: 요청 경로가 없습니다(예: $.id).</translation>
    </message>
    <message>
        <source>pairing rule: the reply path is missing (e.g. $.inReplyTo).</source>
        <translation>pairing rule: 응답 경로가 없습니다(예: $.inReplyTo).</translation>
    </message>
    <message>
        <source>pairing rule: the %1 &quot;%2&quot; is not a JSON path: %3.</source>
        <translation>pairing rule: %1 &quot;%2&quot;은(는) JSON 경로가 아닙니다: %3.</translation>
    </message>
    <message>
        <source>request path</source>
        <translation>요청 경로</translation>
    </message>
    <message>
        <source>reply path</source>
        <translation>응답 경로</translation>
    </message>
    <message>
        <source>name path</source>
        <translation>이름 경로</translation>
    </message>
</context>
<context>
    <name>wsi::PayloadFileLoader</name>
    <message>
        <source>%1 is larger than %2 MiB, the most the composer sends.</source>
        <translation>%1이(가) 작성기가 보낼 수 있는 최대 크기 %2 MiB보다 큽니다.</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>%1을(를) 읽을 수 없습니다: %2</translation>
    </message>
</context>
<context>
    <name>wsi::PayloadFormatBar</name>
    <message>
        <source>1 byte</source>
        <translation>1바이트</translation>
    </message>
    <message>
        <source>%1 bytes</source>
        <translation>%1바이트</translation>
    </message>
    <message>
        <source>%1 KiB (%2 bytes)</source>
        <translation>%1 KiB (%2바이트)</translation>
    </message>
    <message>
        <source>%1 MiB (%2 bytes)</source>
        <translation>%1 MiB (%2바이트)</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>텍스트</translation>
    </message>
    <message>
        <source>JSON</source>
        <translation>JSON</translation>
    </message>
    <message>
        <source>Binary (hex)</source>
        <translation>바이너리 (hex)</translation>
    </message>
    <message>
        <source>Binary (base64)</source>
        <translation>바이너리 (base64)</translation>
    </message>
    <message>
        <source>File</source>
        <translation>파일</translation>
    </message>
    <message>
        <source>How the composer reads the payload: text and JSON go out as text messages, hex, base64 and files as binary</source>
        <translation>작성기가 페이로드를 읽는 방식: 텍스트와 JSON은 텍스트 메시지로, hex, base64, 파일은 바이너리로 나갑니다</translation>
    </message>
    <message>
        <source>The frame type and payload size of the message Send would send</source>
        <translation>보내기를 누르면 나갈 메시지의 프레임 유형과 페이로드 크기</translation>
    </message>
    <message>
        <source>Prettify</source>
        <translation>보기 좋게</translation>
    </message>
    <message>
        <source>Indent the JSON</source>
        <translation>JSON 들여쓰기</translation>
    </message>
    <message>
        <source>Minify</source>
        <translation>압축</translation>
    </message>
    <message>
        <source>Remove the JSON&apos;s whitespace</source>
        <translation>JSON의 공백 제거</translation>
    </message>
    <message>
        <source>Frame size:</source>
        <translation>프레임 크기:</translation>
    </message>
    <message>
        <source>whole message</source>
        <translation>메시지 전체</translation>
    </message>
    <message>
        <source> bytes</source>
        <translation> 바이트</translation>
    </message>
    <message>
        <source>0 sends the message in one frame. Otherwise it is split into frames of at most this many payload bytes (a start frame, continuation frames, FIN on the last), injected by the wire tap, to test the server&apos;s reassembly.</source>
        <translation>0이면 메시지를 프레임 하나로 보냅니다. 그 밖의 값이면 페이로드가 최대 이 바이트 수인 프레임들(시작 프레임, continuation 프레임, 마지막에 FIN)로 나누어 와이어 탭이 주입합니다. 서버의 재조립을 테스트할 때 씁니다.</translation>
    </message>
    <message>
        <source>Variables…</source>
        <translation>변수…</translation>
    </message>
    <message>
        <source>Edit your own {{variables}}; {{timestamp}}, {{iso8601}}, {{uuid}}, {{counter}} and {{random:N}} are built in and resolved when the message is sent</source>
        <translation>직접 만든 {{variables}}를 편집합니다. {{timestamp}}, {{iso8601}}, {{uuid}}, {{counter}}, {{random:N}}은 기본 제공이며 메시지를 보낼 때 치환합니다</translation>
    </message>
    <message>
        <source>&lt;span style=&apos;color:#c62828&apos;&gt;invalid&lt;/span&gt;</source>
        <translation>&lt;span style=&apos;color:#c62828&apos;&gt;잘못됨&lt;/span&gt;</translation>
    </message>
    <message>
        <source>TEXT</source>
        <translation>TEXT</translation>
    </message>
    <message>
        <source>BINARY</source>
        <translation>BINARY</translation>
    </message>
    <message>
        <source> · %1 frames</source>
        <translation> · 프레임 %1개</translation>
    </message>
</context>
<context>
    <name>wsi::PayloadParser</name>
    <message>
        <source>Line %1, column %2: &apos;%3&apos; is not a hex digit (0-9, a-f).</source>
        <translation>%1번째 줄, %2번째 열: &apos;%3&apos;은(는) hex 숫자(0-9, a-f)가 아닙니다.</translation>
    </message>
    <message>
        <source>Odd number of hex digits (%1): every byte needs two digits.</source>
        <translation>hex 숫자의 개수가 홀수입니다 (%1). 바이트마다 두 자리가 필요합니다.</translation>
    </message>
    <message>
        <source>Line %1, column %2: &apos;%3&apos; is not a base64 character.</source>
        <translation>%1번째 줄, %2번째 열: &apos;%3&apos;은(는) base64 문자가 아닙니다.</translation>
    </message>
    <message>
        <source>Not valid base64: %1 characters is not a multiple of 4; check the &apos;=&apos; padding at the end.</source>
        <translation>올바른 base64가 아닙니다: %1글자는 4의 배수가 아닙니다. 끝의 &apos;=&apos; 패딩을 확인하세요.</translation>
    </message>
    <message>
        <source>Not valid base64: check the length and the &apos;=&apos; padding at the end.</source>
        <translation>올바른 base64가 아닙니다: 길이와 끝의 &apos;=&apos; 패딩을 확인하세요.</translation>
    </message>
    <message>
        <source>Line %1, column %2: %3.</source>
        <translation>%1번째 줄, %2번째 열: %3.</translation>
    </message>
</context>
<context>
    <name>wsi::PreferencesDialog</name>
    <message>
        <source>Every connection is journaled to %1 as it happens; beyond this total the oldest journals are deleted first.</source>
        <translation>모든 연결은 진행되는 대로 %1에 저널로 기록됩니다. 이 합계를 넘으면 오래된 저널부터 삭제합니다.</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(없음)</translation>
    </message>
    <message>
        <source>No certificate authority is available.</source>
        <translation>사용할 수 있는 인증 기관이 없습니다.</translation>
    </message>
    <message>
        <source>Not created yet: %1</source>
        <translation>아직 만들지 않음: %1</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>주체</translation>
    </message>
    <message>
        <source>SHA-256</source>
        <translation>SHA-256</translation>
    </message>
    <message>
        <source>Valid</source>
        <translation>유효 기간</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>키</translation>
    </message>
    <message>
        <source>File</source>
        <translation>파일</translation>
    </message>
    <message>
        <source>Replace the inspector&apos;s certificate authority with a new one?

Anything that trusts the current CA (an exported copy) will stop trusting the test server and the intercepted connections.</source>
        <translation>인스펙터의 인증 기관을 새것으로 바꿀까요?

현재 CA(내보낸 사본)를 신뢰하던 곳은 더 이상 테스트 서버와 가로챈 연결을 신뢰하지 않게 됩니다.</translation>
    </message>
    <message>
        <source>Regenerate CA</source>
        <translation>CA 다시 만들기</translation>
    </message>
    <message>
        <source>A new certificate authority was generated.</source>
        <translation>새 인증 기관을 만들었습니다.</translation>
    </message>
    <message>
        <source>The CA could not be regenerated: %1</source>
        <translation>CA를 다시 만들 수 없습니다: %1</translation>
    </message>
    <message>
        <source>Export CA Certificate</source>
        <translation>CA 인증서 내보내기</translation>
    </message>
    <message>
        <source>PEM certificates (*.pem *.crt)</source>
        <translation>PEM 인증서 (*.pem *.crt)</translation>
    </message>
    <message>
        <source>The CA certificate was written to %1.</source>
        <translation>CA 인증서를 %1에 썼습니다.</translation>
    </message>
    <message>
        <source>The CA certificate could not be written: %1</source>
        <translation>CA 인증서를 쓸 수 없습니다: %1</translation>
    </message>
    <message>
        <source>System</source>
        <translation>시스템</translation>
    </message>
</context>
<context>
    <name>wsi::PreviousSessionsDialog</name>
    <message>
        <source>Previous Sessions</source>
        <translation>이전 세션</translation>
    </message>
    <message>
        <source>Every connection is journaled as it happens. Reopen a session read-only to search and export it, even after a crash.</source>
        <translation>모든 연결은 진행되는 대로 저널에 기록됩니다. 세션을 읽기 전용으로 다시 열어 검색하고 내보낼 수 있으며, 앱이 비정상 종료된 뒤에도 됩니다.</translation>
    </message>
    <message>
        <source>Search URL, outcome or date</source>
        <translation>URL, 결과, 날짜로 검색</translation>
    </message>
    <message>
        <source>&amp;Open</source>
        <translation>열기(&amp;O)</translation>
    </message>
    <message>
        <source>Reopen the selected sessions read-only in the connection list</source>
        <translation>선택한 세션을 연결 목록에 읽기 전용으로 다시 엽니다</translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation>내보내기(&amp;E)…</translation>
    </message>
    <message>
        <source>Export the selected session as a session log or HAR</source>
        <translation>선택한 세션을 세션 로그나 HAR로 내보냅니다</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>삭제(&amp;D)</translation>
    </message>
    <message>
        <source>Delete the selected journal files</source>
        <translation>선택한 저널 파일 삭제</translation>
    </message>
    <message>
        <source>&amp;Reveal Folder</source>
        <translation>폴더 열기(&amp;R)</translation>
    </message>
    <message>
        <source>No sessions yet in %1.</source>
        <translation>%1에 아직 세션이 없습니다.</translation>
    </message>
    <message numerus="yes">
        <source>%n session(s), %1 in %2 (the oldest are deleted beyond %3; see Preferences).</source>
        <translation>
            <numerusform>세션 %n개, %2에 %1 (%3을 넘으면 오래된 것부터 삭제, 환경설정 참고).</numerusform>
        </translation>
    </message>
    <message>
        <source>no limit</source>
        <translation>제한 없음</translation>
    </message>
    <message>
        <source>A selected session is being recorded now</source>
        <translation>선택한 세션 중 하나가 지금 기록 중입니다</translation>
    </message>
    <message numerus="yes">
        <source>Delete %n session journal(s)? This cannot be undone.</source>
        <translation>
            <numerusform>세션 저널 %n개를 삭제할까요? 되돌릴 수 없습니다.</numerusform>
        </translation>
    </message>
    <message>
        <source>Delete Sessions</source>
        <translation>세션 삭제</translation>
    </message>
</context>
<context>
    <name>wsi::RawFramePanel</name>
    <message>
        <source>continuation</source>
        <translation>continuation</translation>
    </message>
    <message>
        <source>text</source>
        <translation>텍스트</translation>
    </message>
    <message>
        <source>binary</source>
        <translation>바이너리</translation>
    </message>
    <message>
        <source>close</source>
        <translation>close</translation>
    </message>
    <message>
        <source>ping</source>
        <translation>ping</translation>
    </message>
    <message>
        <source>pong</source>
        <translation>pong</translation>
    </message>
    <message>
        <source>reserved, data</source>
        <translation>예약됨, 데이터</translation>
    </message>
    <message>
        <source>reserved, control</source>
        <translation>예약됨, 제어</translation>
    </message>
    <message>
        <source>⚠ &lt;b&gt;For testing servers.&lt;/b&gt; The frame is written as composed, even when it breaks RFC 6455; a correct server fails the connection.</source>
        <translation>⚠ &lt;b&gt;서버 테스트용.&lt;/b&gt; 프레임은 RFC 6455를 어기더라도 작성한 그대로 씁니다. 올바른 서버라면 연결을 실패 처리합니다.</translation>
    </message>
    <message>
        <source>Final fragment of a message</source>
        <translation>메시지의 마지막 프래그먼트</translation>
    </message>
    <message>
        <source>Reserved bit %1; must be 0 unless an extension defines it</source>
        <translation>예약 비트 %1. 확장이 정의하지 않는 한 0이어야 합니다</translation>
    </message>
    <message>
        <source>Opcode:</source>
        <translation>Opcode:</translation>
    </message>
    <message>
        <source>Any 4-bit opcode, including the reserved ones (0x3-0x7, 0xB-0xF)</source>
        <translation>예약된 것(0x3-0x7, 0xB-0xF)을 포함한 모든 4비트 opcode</translation>
    </message>
    <message>
        <source>Masked</source>
        <translation>마스킹</translation>
    </message>
    <message>
        <source>Clients must mask every frame; unmask it to test that the server refuses it</source>
        <translation>클라이언트는 모든 프레임을 마스킹해야 합니다. 서버가 이를 거부하는지 테스트하려면 마스킹을 끄세요</translation>
    </message>
    <message>
        <source>random key</source>
        <translation>무작위 키</translation>
    </message>
    <message>
        <source>Masking key as 8 hex digits (e.g. 37fa213d); empty for a fresh random key</source>
        <translation>8자리 hex 마스킹 키 (예: 37fa213d). 비우면 새 무작위 키를 씁니다</translation>
    </message>
    <message>
        <source>Presets</source>
        <translation>프리셋</translation>
    </message>
    <message>
        <source>Frames that break the rules on purpose</source>
        <translation>일부러 규칙을 어기는 프레임</translation>
    </message>
    <message>
        <source>Payload:</source>
        <translation>페이로드:</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>텍스트</translation>
    </message>
    <message>
        <source>Hex</source>
        <translation>Hex</translation>
    </message>
    <message>
        <source>Text is sent as UTF-8; hex allows any bytes (spaces and 0x allowed)</source>
        <translation>텍스트는 UTF-8로 보냅니다. hex는 어떤 바이트든 쓸 수 있습니다 (공백과 0x 허용)</translation>
    </message>
    <message>
        <source>Frame payload (may be empty)</source>
        <translation>프레임 페이로드 (비어 있어도 됨)</translation>
    </message>
    <message>
        <source>Inject Frame</source>
        <translation>프레임 주입</translation>
    </message>
    <message>
        <source>The wire tap writes this frame to the server at the next frame boundary (Ctrl+Enter)</source>
        <translation>와이어 탭이 다음 프레임 경계에서 이 프레임을 서버로 씁니다 (Ctrl+Enter)</translation>
    </message>
    <message>
        <source>The masking key must be 8 hex digits, e.g. 37fa213d; &quot;%1&quot; is not.</source>
        <translation>마스킹 키는 8자리 hex여야 합니다 (예: 37fa213d). &quot;%1&quot;은(는) 안 됩니다.</translation>
    </message>
    <message>
        <source>Payload: %1</source>
        <translation>페이로드: %1</translation>
    </message>
    <message>
        <source>Preset: %1</source>
        <translation>프리셋: %1</translation>
    </message>
    <message>
        <source>Connect first: raw frames go into an open connection.</source>
        <translation>먼저 연결하세요: Raw 프레임은 열린 연결로 들어갑니다.</translation>
    </message>
    <message>
        <source>Injected %1; the log shows the frame and the server&apos;s reaction.</source>
        <translation>%1을(를) 주입했습니다. 로그에 프레임과 서버의 반응이 나옵니다.</translation>
    </message>
    <message>
        <source>Connect first: raw frames go into an open connection</source>
        <translation>먼저 연결하세요: Raw 프레임은 열린 연결로 들어갑니다</translation>
    </message>
</context>
<context>
    <name>wsi::ReconnectController</name>
    <message>
        <source>Not reconnecting: the user closed the connection.</source>
        <translation>재연결하지 않음: 사용자가 연결을 닫았습니다.</translation>
    </message>
    <message>
        <source>Not reconnecting: the connection closed cleanly.</source>
        <translation>재연결하지 않음: 연결이 정상적으로 닫혔습니다.</translation>
    </message>
    <message>
        <source>Auto-reconnect gave up after %1 attempts.</source>
        <translation>자동 재연결을 %1번 시도한 뒤 포기했습니다.</translation>
    </message>
    <message>
        <source>Auto-reconnect gave up after 1 attempt.</source>
        <translation>자동 재연결을 1번 시도한 뒤 포기했습니다.</translation>
    </message>
    <message>
        <source>Auto-reconnect gave up after 1 attempt in all.</source>
        <translation>자동 재연결을 모두 1번 시도한 뒤 포기했습니다.</translation>
    </message>
    <message>
        <source>Auto-reconnect gave up after %1 attempts in all.</source>
        <translation>자동 재연결을 모두 %1번 시도한 뒤 포기했습니다.</translation>
    </message>
    <message>
        <source>Auto-reconnect: attempt %1%2 in %3 ms.</source>
        <translation>자동 재연결: %3 ms 후 %1%2번째 시도.</translation>
    </message>
    <message>
        <source> of %1</source>
        <translation> / %1</translation>
    </message>
    <message>
        <source>Auto-reconnect stopped by the user.</source>
        <translation>사용자가 자동 재연결을 멈췄습니다.</translation>
    </message>
    <message>
        <source>Auto-reconnect attempt %1%2 for %3 (connection %4 of this endpoint).</source>
        <translation>%3에 대한 자동 재연결 %1%2번째 시도 (이 엔드포인트의 %4번째 연결).</translation>
    </message>
    <message>
        <source>attempt %1 of %2</source>
        <translation>%1 / %2번째 시도</translation>
    </message>
    <message>
        <source>attempt %1</source>
        <translation>%1번째 시도</translation>
    </message>
    <message>
        <source>Reconnecting in %1 s (%2)</source>
        <translation>%1초 후 재연결 (%2)</translation>
    </message>
    <message>
        <source>Connected; auto-reconnect is on.</source>
        <translation>연결됨. 자동 재연결이 켜져 있습니다.</translation>
    </message>
    <message>
        <source>Connecting (%1)</source>
        <translation>연결 중 (%1)</translation>
    </message>
    <message>
        <source>Connecting; auto-reconnect is on.</source>
        <translation>연결 중. 자동 재연결이 켜져 있습니다.</translation>
    </message>
    <message>
        <source>Gave up after 1 attempt.</source>
        <translation>1번 시도한 뒤 포기했습니다.</translation>
    </message>
    <message>
        <source>Gave up after %1 attempts.</source>
        <translation>%1번 시도한 뒤 포기했습니다.</translation>
    </message>
</context>
<context>
    <name>wsi::ReconnectStrip</name>
    <message>
        <source>Reconnect now</source>
        <translation>지금 재연결</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>중지</translation>
    </message>
    <message>
        <source>Open the next attempt at once instead of waiting</source>
        <translation>기다리지 않고 다음 시도를 바로 엽니다</translation>
    </message>
    <message>
        <source>Stop reconnecting this endpoint</source>
        <translation>이 엔드포인트의 재연결 중지</translation>
    </message>
</context>
<context>
    <name>wsi::RelayedClient</name>
    <message>
        <source>Idle for %1 ms</source>
        <translation>%1 ms 동안 유휴</translation>
    </message>
</context>
<context>
    <name>wsi::SavedMessageStore</name>
    <message>
        <source>The saved messages file is not valid JSON: %1.</source>
        <translation>저장된 메시지 파일이 올바른 JSON이 아닙니다: %1.</translation>
    </message>
    <message>
        <source>This is not a WS Inspector saved messages file (format %1 expected).</source>
        <translation>WS Inspector 저장 메시지 파일이 아닙니다 (형식 %1이어야 함).</translation>
    </message>
    <message>
        <source>Cannot read %1: %2.</source>
        <translation>%1을(를) 읽을 수 없습니다: %2.</translation>
    </message>
    <message>
        <source>Cannot save %1: %2.</source>
        <translation>%1을(를) 저장할 수 없습니다: %2.</translation>
    </message>
    <message>
        <source>Give the message a name.</source>
        <translation>메시지 이름을 지정하세요.</translation>
    </message>
</context>
<context>
    <name>wsi::SavedMessagesPanel</name>
    <message>
        <source>Search names and bodies</source>
        <translation>이름과 본문 검색</translation>
    </message>
    <message>
        <source>Case-insensitive search in the names and bodies of saved messages</source>
        <translation>저장된 메시지의 이름과 본문에서 대소문자 구분 없이 검색합니다</translation>
    </message>
    <message>
        <source>Global + this endpoint</source>
        <translation>전역 + 이 엔드포인트</translation>
    </message>
    <message>
        <source>All endpoints</source>
        <translation>모든 엔드포인트</translation>
    </message>
    <message>
        <source>Show global messages and those saved for this endpoint, or every saved message</source>
        <translation>전역 메시지와 이 엔드포인트용으로 저장한 메시지, 또는 저장된 모든 메시지를 보여 줍니다</translation>
    </message>
    <message>
        <source>Double-click a message to load it into the composer</source>
        <translation>메시지를 더블클릭하면 작성기로 불러옵니다</translation>
    </message>
    <message>
        <source>Load</source>
        <translation>불러오기</translation>
    </message>
    <message>
        <source>Put the selected message into the composer</source>
        <translation>선택한 메시지를 작성기에 넣습니다</translation>
    </message>
    <message>
        <source>Save Current…</source>
        <translation>현재 메시지 저장…</translation>
    </message>
    <message>
        <source>Save the composer&apos;s message under a name</source>
        <translation>작성기의 메시지를 이름을 붙여 저장합니다</translation>
    </message>
    <message>
        <source>Rename…</source>
        <translation>이름 바꾸기…</translation>
    </message>
    <message>
        <source>Rename the selected message</source>
        <translation>선택한 메시지의 이름을 바꿉니다</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>삭제</translation>
    </message>
    <message>
        <source>Delete the selected message</source>
        <translation>선택한 메시지를 삭제합니다</translation>
    </message>
    <message>
        <source>Import…</source>
        <translation>가져오기…</translation>
    </message>
    <message>
        <source>Add the messages of an exported JSON file</source>
        <translation>내보낸 JSON 파일의 메시지를 추가합니다</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>내보내기…</translation>
    </message>
    <message>
        <source>Write every saved message to a JSON file</source>
        <translation>저장된 모든 메시지를 JSON 파일로 씁니다</translation>
    </message>
    <message>
        <source>Saved messages could not be read: %1</source>
        <translation>저장된 메시지를 읽을 수 없습니다: %1</translation>
    </message>
    <message>
        <source>Could not save &quot;%1&quot;: %2</source>
        <translation>&quot;%1&quot;을(를) 저장할 수 없습니다: %2</translation>
    </message>
    <message>
        <source>Saved &quot;%1&quot;.</source>
        <translation>&quot;%1&quot;을(를) 저장했습니다.</translation>
    </message>
    <message>
        <source>global</source>
        <translation>전역</translation>
    </message>
    <message>
        <source>Rename Saved Message</source>
        <translation>저장된 메시지 이름 바꾸기</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>이름:</translation>
    </message>
    <message>
        <source>Could not rename: %1</source>
        <translation>이름을 바꿀 수 없습니다: %1</translation>
    </message>
    <message>
        <source>Could not delete &quot;%1&quot;: %2</source>
        <translation>&quot;%1&quot;을(를) 삭제할 수 없습니다: %2</translation>
    </message>
    <message>
        <source>Deleted &quot;%1&quot;.</source>
        <translation>&quot;%1&quot;을(를) 삭제했습니다.</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>%1을(를) 읽을 수 없습니다: %2</translation>
    </message>
    <message>
        <source>%1 was not imported: %2</source>
        <translation>%1을(를) 가져오지 못했습니다: %2</translation>
    </message>
    <message numerus="yes">
        <source>Imported %n message(s) from %1.</source>
        <translation>
            <numerusform>%1에서 메시지 %n개를 가져왔습니다.</numerusform>
        </translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>%1에 쓸 수 없습니다: %2</translation>
    </message>
    <message numerus="yes">
        <source>Exported %n message(s) to %1.</source>
        <translation>
            <numerusform>메시지 %n개를 %1(으)로 내보냈습니다.</numerusform>
        </translation>
    </message>
    <message>
        <source>Import Saved Messages</source>
        <translation>저장된 메시지 가져오기</translation>
    </message>
    <message>
        <source>Export Saved Messages</source>
        <translation>저장된 메시지 내보내기</translation>
    </message>
</context>
<context>
    <name>wsi::SecretHeadersEdit</name>
    <message>
        <source>Authorization: Bearer …
X-Custom: value</source>
        <translation>Authorization: Bearer …
X-Custom: value</translation>
    </message>
    <message>
        <source>Show secret header values (Authorization, cookies, tokens); while they are hidden the headers are read-only</source>
        <translation>비밀 헤더 값(Authorization, 쿠키, 토큰)을 보여 줍니다. 가려져 있는 동안에는 헤더를 고칠 수 없습니다</translation>
    </message>
    <message>
        <source>Secret values are hidden. Press the eye button to see or edit them.</source>
        <translation>비밀 값은 가려져 있습니다. 보거나 고치려면 눈 버튼을 누르세요.</translation>
    </message>
</context>
<context>
    <name>wsi::SendColumn</name>
    <message>
        <source>Send</source>
        <translation>보내기</translation>
    </message>
    <message>
        <source>Sending; done when the outgoing message appears in the log</source>
        <translation>보내는 중. 보낸 메시지가 로그에 나타나면 끝납니다</translation>
    </message>
    <message>
        <source>Sending %1; done when the outgoing message appears in the log</source>
        <translation>%1 보내는 중. 보낸 메시지가 로그에 나타나면 끝납니다</translation>
    </message>
    <message>
        <source>Connect first: there is no open connection selected</source>
        <translation>먼저 연결하세요: 선택한 열린 연결이 없습니다</translation>
    </message>
    <message>
        <source>Not sent: %1</source>
        <translation>보내지 않음: %1</translation>
    </message>
    <message>
        <source>Repeating; stop it first</source>
        <translation>반복 중입니다. 먼저 멈추세요</translation>
    </message>
    <message>
        <source>Send the message (Ctrl+Enter)</source>
        <translation>메시지 보내기 (Ctrl+Enter)</translation>
    </message>
</context>
<context>
    <name>wsi::SendScheduler</name>
    <message>
        <source>The connection is not open.</source>
        <translation>연결이 열려 있지 않습니다.</translation>
    </message>
    <message>
        <source>The connection did not accept the message.</source>
        <translation>연결이 메시지를 받아들이지 않았습니다.</translation>
    </message>
    <message numerus="yes">
        <source>Sent %n message(s).</source>
        <translation>
            <numerusform>메시지 %n개를 보냈습니다.</numerusform>
        </translation>
    </message>
    <message>
        <source>Repeat stopped after %1 of %2: the connection is no longer open.</source>
        <translation>%2번 중 %1번 보낸 뒤 반복을 멈췄습니다: 연결이 더 이상 열려 있지 않습니다.</translation>
    </message>
    <message>
        <source>Repeat stopped after %1 of %2: %3</source>
        <translation>%2번 중 %1번 보낸 뒤 반복을 멈췄습니다: %3</translation>
    </message>
</context>
<context>
    <name>wsi::ServerDock</name>
    <message>
        <source>Test Server</source>
        <translation>테스트 서버</translation>
    </message>
    <message>
        <source>&amp;Test Server</source>
        <translation>테스트 서버(&amp;T)</translation>
    </message>
    <message>
        <source>Show the local test server panel (Ctrl+T)</source>
        <translation>로컬 테스트 서버 패널 표시 (Ctrl+T)</translation>
    </message>
</context>
<context>
    <name>wsi::ServerOptions</name>
    <message>
        <source>The bind address is not a valid IP address.</source>
        <translation>바인드 주소가 올바른 IP 주소가 아닙니다.</translation>
    </message>
    <message>
        <source>Give both a certificate file and a key file, or neither to use a generated certificate.</source>
        <translation>인증서 파일과 키 파일을 둘 다 주거나, 생성된 인증서를 쓰려면 둘 다 비워 두세요.</translation>
    </message>
    <message>
        <source>The file &quot;%1&quot; does not exist.</source>
        <translation>파일 &quot;%1&quot;이(가) 없습니다.</translation>
    </message>
    <message>
        <source>The client limit cannot be negative.</source>
        <translation>클라이언트 제한은 음수일 수 없습니다.</translation>
    </message>
    <message>
        <source>The handshake timeout must be a positive number of milliseconds.</source>
        <translation>핸드셰이크 타임아웃은 양수인 밀리초여야 합니다.</translation>
    </message>
    <message>
        <source>The maximum message size must be positive.</source>
        <translation>최대 메시지 크기는 양수여야 합니다.</translation>
    </message>
    <message>
        <source>The reject status must be an HTTP status from 200 to 599 other than 101.</source>
        <translation>거부 상태는 101을 제외한 200부터 599까지의 HTTP 상태여야 합니다.</translation>
    </message>
    <message>
        <source>The auto-reply pattern &quot;%1&quot; is not a valid regular expression: %2.</source>
        <translation>자동 응답 패턴 &quot;%1&quot;은(는) 올바른 정규식이 아닙니다: %2.</translation>
    </message>
    <message>
        <source>An auto-reply rule has an empty pattern.</source>
        <translation>자동 응답 규칙의 패턴이 비어 있습니다.</translation>
    </message>
    <message>
        <source>The Qt engine has the echo and silent modes only; pick the built-in engine for the others.</source>
        <translation>Qt 엔진에는 echo와 silent 모드만 있습니다. 다른 모드는 내장 엔진을 고르세요.</translation>
    </message>
    <message>
        <source>The Qt engine serves ws:// only; pick the built-in engine for wss://.</source>
        <translation>Qt 엔진은 ws://만 제공합니다. wss://는 내장 엔진을 고르세요.</translation>
    </message>
    <message>
        <source>The Qt engine has no permessage-deflate; pick the built-in engine to compress.</source>
        <translation>Qt 엔진에는 permessage-deflate가 없습니다. 압축하려면 내장 엔진을 고르세요.</translation>
    </message>
    <message>
        <source>The Qt engine has no subprotocols, allowed origins, client limit, idle timeout or auto-replies; clear them or pick the built-in engine.</source>
        <translation>Qt 엔진에는 서브프로토콜, 허용할 출처(origin), 클라이언트 수 제한, 유휴 타임아웃, 자동 응답이 없습니다. 이 값들을 비우거나 내장 엔진을 고르세요.</translation>
    </message>
</context>
<context>
    <name>wsi::ServerOptionsForm</name>
    <message>
        <source>ws:// (plain)</source>
        <translation>ws:// (평문)</translation>
    </message>
    <message>
        <source>wss:// (TLS)</source>
        <translation>wss:// (TLS)</translation>
    </message>
    <message>
        <source>Echo: send every message back</source>
        <translation>Echo: 모든 메시지를 되돌려 보냄</translation>
    </message>
    <message>
        <source>Broadcast: send to the other clients</source>
        <translation>Broadcast: 다른 클라이언트에게 보냄</translation>
    </message>
    <message>
        <source>Manual: answer from the composer</source>
        <translation>Manual: 작성기에서 응답</translation>
    </message>
    <message>
        <source>Silent: never answer</source>
        <translation>Silent: 응답하지 않음</translation>
    </message>
    <message>
        <source>Reject: refuse every upgrade</source>
        <translation>Reject: 모든 업그레이드 거부</translation>
    </message>
    <message>
        <source>Server certificate (PEM)</source>
        <translation>서버 인증서 (PEM)</translation>
    </message>
    <message>
        <source>PEM (*.pem *.crt);;All files (*)</source>
        <translation>PEM (*.pem *.crt);;모든 파일 (*)</translation>
    </message>
    <message>
        <source>Server private key (PEM)</source>
        <translation>서버 개인 키 (PEM)</translation>
    </message>
    <message>
        <source>PEM (*.key *.pem);;All files (*)</source>
        <translation>PEM (*.key *.pem);;모든 파일 (*)</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an IP address to listen on (e.g. 127.0.0.1, 0.0.0.0, ::1).</source>
        <translation>&quot;%1&quot;은(는) 수신 대기할 IP 주소가 아닙니다 (예: 127.0.0.1, 0.0.0.0, ::1).</translation>
    </message>
    <message>
        <source>Reject header line %1: %2</source>
        <translation>거부 헤더 %1번째 줄: %2</translation>
    </message>
    <message>
        <source>&amp;Engine:</source>
        <translation>엔진(&amp;E):</translation>
    </message>
    <message>
        <source>Built-in: every mode, wss, limits</source>
        <translation>내장: 모든 모드, wss, 제한</translation>
    </message>
    <message>
        <source>Qt QWebSocketServer: echo and silent only, ws:// only</source>
        <translation>Qt QWebSocketServer: echo와 silent만, ws://만</translation>
    </message>
    <message>
        <source>Which server answers the clients. The Qt engine runs Qt&apos;s own QWebSocketServer behind the recording relay, so every client has a client leg and a server leg and you see exactly how a Qt server answers. It has the echo and silent modes only, serves ws:// only, and has no subprotocols, origins, limits or auto-replies.</source>
        <translation>클라이언트에 응답할 서버입니다. Qt 엔진은 기록하는 중계기 뒤에서 Qt 자체의 QWebSocketServer를 실행하므로, 클라이언트마다 클라이언트 구간과 서버 구간이 생기고 Qt 서버가 어떻게 응답하는지 그대로 볼 수 있습니다. echo와 silent 모드만 있고, ws://만 제공하며, 서브프로토콜, 출처(origin), 제한, 자동 응답은 없습니다.</translation>
    </message>
</context>
<context>
    <name>wsi::ServerPanel</name>
    <message>
        <source>not running</source>
        <translation>실행 중 아님</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>복사</translation>
    </message>
    <message>
        <source>Copy the server&apos;s URL</source>
        <translation>서버 URL 복사</translation>
    </message>
    <message>
        <source>Connect to It</source>
        <translation>여기에 연결</translation>
    </message>
    <message>
        <source>Broadcast…</source>
        <translation>브로드캐스트…</translation>
    </message>
    <message>
        <source>Send a text message to every client</source>
        <translation>모든 클라이언트에게 텍스트 메시지를 보냅니다</translation>
    </message>
    <message>
        <source>Kick…</source>
        <translation>강제로 닫기…</translation>
    </message>
    <message>
        <source>Close the selected client with a code and a reason</source>
        <translation>선택한 클라이언트를 코드와 사유를 지정해 닫습니다</translation>
    </message>
    <message>
        <source>&amp;Start Test Server</source>
        <translation>테스트 서버 시작(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Connect to Test Server</source>
        <translation>테스트 서버에 연결(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Broadcast to Clients…</source>
        <translation>클라이언트에게 브로드캐스트(&amp;B)…</translation>
    </message>
    <message>
        <source>&amp;Kick Selected Client…</source>
        <translation>선택한 클라이언트 강제로 닫기(&amp;K)…</translation>
    </message>
    <message>
        <source>Start or stop the test server (%1)</source>
        <translation>테스트 서버 시작 또는 중지 (%1)</translation>
    </message>
    <message>
        <source>Open an outgoing connection to this server, to see both sides (%1)</source>
        <translation>양쪽을 모두 보도록 이 서버로 나가는 연결을 엽니다 (%1)</translation>
    </message>
    <message>
        <source>%1 The server keeps answering with the rules it had.</source>
        <translation>%1 서버는 기존 규칙대로 계속 응답합니다.</translation>
    </message>
    <message>
        <source>No certificate for wss: the app&apos;s CA is not available. %1</source>
        <translation>wss용 인증서가 없습니다: 앱의 CA를 쓸 수 없습니다. %1</translation>
    </message>
    <message>
        <source>The server could not start.</source>
        <translation>서버를 시작할 수 없습니다.</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>중지</translation>
    </message>
    <message>
        <source>&amp;Stop Test Server</source>
        <translation>테스트 서버 중지(&amp;S)</translation>
    </message>
    <message>
        <source>&lt;b style=&apos;color:%1&apos;&gt;● Running&lt;/b&gt; on port %2</source>
        <translation>&lt;b style=&apos;color:%1&apos;&gt;● 실행 중&lt;/b&gt; 포트 %2</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>시작</translation>
    </message>
    <message>
        <source>Stopped</source>
        <translation>중지됨</translation>
    </message>
    <message>
        <source>No clients.</source>
        <translation>클라이언트 없음.</translation>
    </message>
    <message>
        <source>1 client</source>
        <translation>클라이언트 1개</translation>
    </message>
    <message>
        <source>%1 clients</source>
        <translation>클라이언트 %1개</translation>
    </message>
    <message>
        <source> · in %1/s · out %2/s · %3 in / %4 out</source>
        <translation> · 받음 %1/s · 보냄 %2/s · 받음 %3 / 보냄 %4</translation>
    </message>
    <message>
        <source>⚠ Listening on %1 lets other machines on the network connect to this server. Use 127.0.0.1 to keep it local.</source>
        <translation>⚠ %1에서 수신 대기하면 네트워크의 다른 컴퓨터도 이 서버에 연결할 수 있습니다. 로컬로만 쓰려면 127.0.0.1을 쓰세요.</translation>
    </message>
    <message>
        <source>Broadcast</source>
        <translation>브로드캐스트</translation>
    </message>
    <message>
        <source>Text message to every client:</source>
        <translation>모든 클라이언트에게 보낼 텍스트 메시지:</translation>
    </message>
    <message>
        <source>Kick Client</source>
        <translation>클라이언트 강제로 닫기</translation>
    </message>
    <message>
        <source>kicked by the server</source>
        <translation>서버가 강제로 닫음</translation>
    </message>
    <message>
        <source>&lt;b style=&apos;color:%1&apos;&gt;● Running&lt;/b&gt; on port %2 (Qt engine: echo and silent only)</source>
        <translation>&lt;b style=&apos;color:%1&apos;&gt;● 실행 중&lt;/b&gt; 포트 %2 (Qt 엔진: echo와 silent만)</translation>
    </message>
    <message>
        <source>Qt engine: every client is a proxied connection with a client leg and a server leg.</source>
        <translation>Qt 엔진: 모든 클라이언트는 클라이언트 구간과 서버 구간이 있는 프록시 연결입니다.</translation>
    </message>
</context>
<context>
    <name>wsi::SessionExporter</name>
    <message>
        <source>session log</source>
        <translation>세션 로그</translation>
    </message>
    <message>
        <source>HAR</source>
        <translation>HAR</translation>
    </message>
    <message>
        <source>unknown format</source>
        <translation>알 수 없는 형식</translation>
    </message>
    <message>
        <source>%1: unknown format; use .jsonl for the session log or .har for HAR</source>
        <translation>%1: 알 수 없는 형식입니다. 세션 로그는 .jsonl, HAR는 .har를 쓰세요</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>%1에 쓸 수 없습니다: %2</translation>
    </message>
</context>
<context>
    <name>wsi::SessionImporter</name>
    <message>
        <source>%1: no such file</source>
        <translation>%1: 파일이 없습니다</translation>
    </message>
    <message>
        <source>%1 (HAR): %2</source>
        <translation>%1 (HAR): %2</translation>
    </message>
    <message>
        <source>%1 (session log): %2</source>
        <translation>%1 (세션 로그): %2</translation>
    </message>
    <message>
        <source>%1: unknown format: neither a WS Inspector session log (.jsonl) nor a HAR file (.har)</source>
        <translation>%1: 알 수 없는 형식입니다. WS Inspector 세션 로그(.jsonl)도 HAR 파일(.har)도 아닙니다</translation>
    </message>
    <message>
        <source>%1: holds no WebSocket connection</source>
        <translation>%1: WebSocket 연결이 없습니다</translation>
    </message>
</context>
<context>
    <name>wsi::SessionJournal</name>
    <message>
        <source>Cannot create the session folder %1.</source>
        <translation>세션 폴더 %1을(를) 만들 수 없습니다.</translation>
    </message>
    <message>
        <source>Cannot write the session journal %1: %2</source>
        <translation>세션 저널 %1에 쓸 수 없습니다: %2</translation>
    </message>
    <message>
        <source>Writing the session journal %1 failed: %2</source>
        <translation>세션 저널 %1 쓰기에 실패했습니다: %2</translation>
    </message>
</context>
<context>
    <name>wsi::SessionListModel</name>
    <message>
        <source>unreadable: %1</source>
        <translation>읽을 수 없음: %1</translation>
    </message>
    <message>
        <source>closed %1 %2</source>
        <translation>닫힘 %1 %2</translation>
    </message>
    <message>
        <source>closed without a code</source>
        <translation>코드 없이 닫힘</translation>
    </message>
    <message>
        <source>failed (%1): %2</source>
        <translation>실패 (%1): %2</translation>
    </message>
    <message>
        <source>recording now</source>
        <translation>지금 기록 중</translation>
    </message>
    <message>
        <source>ended without a close (interrupted?)</source>
        <translation>종료 없이 끝남 (중단되었나요?)</translation>
    </message>
    <message>
        <source>(no handshake)</source>
        <translation>(핸드셰이크 없음)</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>시작</translation>
    </message>
    <message>
        <source>URL</source>
        <translation>URL</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>결과</translation>
    </message>
    <message>
        <source>Events</source>
        <translation>이벤트</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>크기</translation>
    </message>
</context>
<context>
    <name>wsi::SessionsController</name>
    <message>
        <source>&amp;Import…</source>
        <translation>가져오기(&amp;I)…</translation>
    </message>
    <message>
        <source>Open a session log (.jsonl) or a HAR file (also from Chrome DevTools) as read-only connections</source>
        <translation>세션 로그(.jsonl)나 HAR 파일(Chrome DevTools에서 저장한 것도 가능)을 읽기 전용 연결로 엽니다</translation>
    </message>
    <message>
        <source>&amp;Previous Sessions…</source>
        <translation>이전 세션(&amp;P)…</translation>
    </message>
    <message>
        <source>Reopen, export or delete the journals of earlier connections</source>
        <translation>이전 연결의 저널을 다시 열거나, 내보내거나, 삭제합니다</translation>
    </message>
    <message>
        <source>&amp;Export Connection…</source>
        <translation>연결 내보내기(&amp;E)…</translation>
    </message>
    <message>
        <source>Save the selected connection as a session log or HAR (secrets masked unless you ask)</source>
        <translation>선택한 연결을 세션 로그나 HAR로 저장합니다 (요청하지 않으면 비밀 값은 가림)</translation>
    </message>
    <message>
        <source>Export &amp;Workspace…</source>
        <translation>작업 공간 내보내기(&amp;W)…</translation>
    </message>
    <message>
        <source>Save every connection in the list to one session log or HAR file</source>
        <translation>목록의 모든 연결을 세션 로그나 HAR 파일 하나로 저장합니다</translation>
    </message>
    <message numerus="yes">
        <source>Opened %n read-only connection(s) from %1.</source>
        <translation>
            <numerusform>%1에서 읽기 전용 연결 %n개를 열었습니다.</numerusform>
        </translation>
    </message>
    <message>
        <source>Import</source>
        <translation>가져오기</translation>
    </message>
    <message>
        <source>Could not import: %1</source>
        <translation>가져올 수 없습니다: %1</translation>
    </message>
    <message>
        <source>Import Session</source>
        <translation>세션 가져오기</translation>
    </message>
    <message>
        <source>Sessions (*.jsonl *.har);;Session log (*.jsonl);;HAR (*.har);;All files (*)</source>
        <translation>세션 (*.jsonl *.har);;세션 로그 (*.jsonl);;HAR (*.har);;모든 파일 (*)</translation>
    </message>
    <message>
        <source>Previous Sessions</source>
        <translation>이전 세션</translation>
    </message>
    <message>
        <source>Could not reopen %1: %2</source>
        <translation>%1을(를) 다시 열 수 없습니다: %2</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>내보내기</translation>
    </message>
    <message>
        <source>Could not export: %1</source>
        <translation>내보낼 수 없습니다: %1</translation>
    </message>
    <message numerus="yes">
        <source>Exported %n connection(s) to %1 as %2%3.</source>
        <translation>
            <numerusform>연결 %n개를 %1에 %2(으)로 내보냈습니다%3.</numerusform>
        </translation>
    </message>
    <message>
        <source> with secrets unmasked</source>
        <translation> (비밀 값을 가리지 않음)</translation>
    </message>
    <message>
        <source>, secrets masked</source>
        <translation> (비밀 값은 가림)</translation>
    </message>
    <message numerus="yes">
        <source>Connection #%1: %2 (%n event(s))</source>
        <translation>
            <numerusform>연결 #%1: %2 (이벤트 %n개)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The workspace: %n connection(s)</source>
        <translation>
            <numerusform>작업 공간: 연결 %n개</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>, %n event(s)</source>
        <translation>
            <numerusform>, 이벤트 %n개</numerusform>
        </translation>
    </message>
    <message>
        <source>Could not read %1: %2</source>
        <translation>%1을(를) 읽을 수 없습니다: %2</translation>
    </message>
    <message numerus="yes">
        <source>Session %1 (%n connection(s))</source>
        <translation>
            <numerusform>세션 %1 (연결 %n개)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>wsi::TlsDecisionBar</name>
    <message>
        <source>Proceed Once</source>
        <translation>이번만 진행</translation>
    </message>
    <message>
        <source>Connect this time despite the certificate errors</source>
        <translation>인증서 오류가 있어도 이번에는 연결합니다</translation>
    </message>
    <message>
        <source>Always Trust This Certificate</source>
        <translation>이 인증서를 항상 신뢰</translation>
    </message>
    <message>
        <source>Remember this certificate (by its SHA-256 fingerprint) for this host and connect</source>
        <translation>이 호스트에 대해 이 인증서를 (SHA-256 지문으로) 기억하고 연결합니다</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>취소</translation>
    </message>
    <message>
        <source>Do not connect</source>
        <translation>연결하지 않음</translation>
    </message>
</context>
<context>
    <name>wsi::TlsReportLabel</name>
    <message>
        <source>This connection is not intercepted: Qt&apos;s own TLS session with the server is not visible to the inspector.</source>
        <translation>이 연결은 가로채지 않습니다: 서버와의 Qt 자체 TLS 세션은 인스펙터에서 볼 수 없습니다.</translation>
    </message>
    <message>
        <source>Waiting for the TLS handshake with the server…</source>
        <translation>서버와의 TLS 핸드셰이크를 기다리는 중…</translation>
    </message>
    <message>
        <source>verified</source>
        <translation>검증됨</translation>
    </message>
    <message>
        <source>NOT verified (you chose to proceed)</source>
        <translation>검증 안 됨 (진행하기로 함)</translation>
    </message>
    <message>
        <source>NOT verified</source>
        <translation>검증 안 됨</translation>
    </message>
    <message>
        <source>Certificate</source>
        <translation>인증서</translation>
    </message>
    <message>
        <source>Host</source>
        <translation>호스트</translation>
    </message>
    <message>
        <source>Protocol</source>
        <translation>프로토콜</translation>
    </message>
    <message>
        <source>Cipher</source>
        <translation>암호 스위트</translation>
    </message>
    <message>
        <source>ALPN</source>
        <translation>ALPN</translation>
    </message>
    <message>
        <source>Verification</source>
        <translation>검증</translation>
    </message>
    <message>
        <source>The certificate chain is valid for %1.</source>
        <translation>%1에 대해 인증서 체인이 유효합니다.</translation>
    </message>
    <message>
        <source>Not verified.</source>
        <translation>검증되지 않았습니다.</translation>
    </message>
    <message>
        <source>Server certificate</source>
        <translation>서버 인증서</translation>
    </message>
    <message>
        <source>Root certificate %1</source>
        <translation>루트 인증서 %1</translation>
    </message>
    <message>
        <source>Intermediate certificate %1</source>
        <translation>중간 인증서 %1</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>주체</translation>
    </message>
    <message>
        <source>Issuer</source>
        <translation>발급자</translation>
    </message>
    <message>
        <source>Names (SAN)</source>
        <translation>이름 (SAN)</translation>
    </message>
    <message>
        <source>Valid from</source>
        <translation>유효 시작</translation>
    </message>
    <message>
        <source>Valid until</source>
        <translation>유효 종료</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>키</translation>
    </message>
    <message>
        <source>%1, %2 bits</source>
        <translation>%1, %2비트</translation>
    </message>
    <message>
        <source>SHA-256</source>
        <translation>SHA-256</translation>
    </message>
    <message>
        <source>Verification problems:</source>
        <translation>검증 문제:</translation>
    </message>
    <message>
        <source>&lt;p&gt;The inspector terminates TLS between the app and the server, so the handshake and frames shown are the plaintext inside TLS.&lt;/p&gt;</source>
        <translation>&lt;p&gt;인스펙터가 앱과 서버 사이에서 TLS를 종단하므로, 보이는 핸드셰이크와 프레임은 TLS 안의 평문입니다.&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>wsi::AboutBox</name>
    <message>
        <source>&lt;h3&gt;WS Inspector %1&lt;/h3&gt;&lt;p&gt;A WebSocket inspector that shows the wire truth: every byte of the opening handshake and every frame header, as they crossed the wire.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;WS Inspector %1&lt;/h3&gt;&lt;p&gt;와이어에서 실제로 오간 것을 보여 주는 WebSocket 검사 도구입니다. 여는 핸드셰이크의 모든 바이트와 모든 프레임 헤더를 와이어를 지난 그대로 보여 줍니다.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>About WS Inspector</source>
        <translation>WS Inspector 정보</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>단축키</translation>
    </message>
    <message>
        <source>Learn: lessons on this window</source>
        <translation>배우기: 이 창에서 따라 하는 강의</translation>
    </message>
    <message>
        <source>URL field</source>
        <translation>URL 입력란</translation>
    </message>
    <message>
        <source>close with a code</source>
        <translation>코드를 지정해 닫기</translation>
    </message>
    <message>
        <source>compare handshakes</source>
        <translation>핸드셰이크 비교</translation>
    </message>
    <message>
        <source>connect</source>
        <translation>연결</translation>
    </message>
    <message>
        <source>copy the selected log rows</source>
        <translation>로그에서 선택한 행 복사</translation>
    </message>
    <message>
        <source>disconnect</source>
        <translation>연결 끊기</translation>
    </message>
    <message>
        <source>export</source>
        <translation>내보내기</translation>
    </message>
    <message>
        <source>filter the log</source>
        <translation>로그 거르기</translation>
    </message>
    <message>
        <source>find next / previous</source>
        <translation>다음 / 이전 찾기</translation>
    </message>
    <message>
        <source>import</source>
        <translation>가져오기</translation>
    </message>
    <message>
        <source>messages / handshake / stats</source>
        <translation>메시지 / 핸드셰이크 / 통계</translation>
    </message>
    <message>
        <source>new connection</source>
        <translation>새 연결</translation>
    </message>
    <message>
        <source>ping</source>
        <translation>핑</translation>
    </message>
    <message>
        <source>preferences</source>
        <translation>환경설정</translation>
    </message>
    <message>
        <source>previous sessions</source>
        <translation>이전 세션</translation>
    </message>
    <message>
        <source>quit</source>
        <translation>끝내기</translation>
    </message>
    <message>
        <source>reveal secrets</source>
        <translation>비밀 값 표시</translation>
    </message>
    <message>
        <source>save as endpoint</source>
        <translation>엔드포인트로 저장</translation>
    </message>
    <message>
        <source>send</source>
        <translation>보내기</translation>
    </message>
    <message>
        <source>show frames</source>
        <translation>프레임 표시</translation>
    </message>
    <message>
        <source>this box</source>
        <translation>이 정보 창</translation>
    </message>
</context>
<context>
    <name>wsi::CertificateAuthority</name>
    <message>
        <source>The CA in %1 was replaced by a newly generated one because %2. Anything that trusted the old CA certificate must trust the new one instead.</source>
        <translation>%1의 CA를 새로 생성한 CA로 교체했습니다. 이유: %2. 이전 CA 인증서를 신뢰하던 곳은 모두 새 인증서를 대신 신뢰해야 합니다.</translation>
    </message>
    <message>
        <source>A certificate needs at least one host name</source>
        <translation>인증서에는 호스트 이름이 하나 이상 있어야 합니다</translation>
    </message>
    <message>
        <source>Could not create %1</source>
        <translation>%1을(를) 만들 수 없습니다</translation>
    </message>
    <message>
        <source>Could not create the CA folder %1</source>
        <translation>CA 폴더 %1을(를) 만들 수 없습니다</translation>
    </message>
    <message>
        <source>Could not encode the new CA</source>
        <translation>새 CA를 인코딩할 수 없습니다</translation>
    </message>
    <message>
        <source>Could not replace %1</source>
        <translation>%1을(를) 바꿀 수 없습니다</translation>
    </message>
    <message>
        <source>Could not write %1</source>
        <translation>%1에 쓸 수 없습니다</translation>
    </message>
    <message>
        <source>Could not write %1: %2</source>
        <translation>%1에 쓸 수 없습니다: %2</translation>
    </message>
    <message>
        <source>Qt could not read the certificate issued for %1</source>
        <translation>%1에 발급한 인증서를 Qt가 읽을 수 없습니다</translation>
    </message>
    <message>
        <source>The certificate authority has not been loaded</source>
        <translation>인증 기관을 아직 불러오지 않았습니다</translation>
    </message>
    <message>
        <source>There is no CA certificate to export yet</source>
        <translation>내보낼 CA 인증서가 아직 없습니다</translation>
    </message>
    <message>
        <source>the CA certificate file could not be read</source>
        <translation>CA 인증서 파일을 읽을 수 없습니다</translation>
    </message>
    <message>
        <source>the CA certificate file is corrupt (%1)</source>
        <translation>CA 인증서 파일이 손상되었습니다 (%1)</translation>
    </message>
    <message>
        <source>the CA certificate file is corrupt (Qt cannot read it)</source>
        <translation>CA 인증서 파일이 손상되었습니다 (Qt가 읽을 수 없음)</translation>
    </message>
    <message>
        <source>the CA certificate file is missing</source>
        <translation>CA 인증서 파일이 없습니다</translation>
    </message>
    <message>
        <source>the CA private key file belongs to another user</source>
        <translation>CA 개인 키 파일의 소유자가 다른 사용자입니다</translation>
    </message>
    <message>
        <source>the CA private key file could be read by other users (permissions %1, not 0600)</source>
        <translation>다른 사용자가 CA 개인 키 파일을 읽을 수 있었습니다 (권한 %1, 0600이 아님)</translation>
    </message>
    <message>
        <source>the CA private key file could not be read</source>
        <translation>CA 개인 키 파일을 읽을 수 없습니다</translation>
    </message>
    <message>
        <source>the CA private key file had permissions %1, not 0600</source>
        <translation>CA 개인 키 파일의 권한이 0600이 아닌 %1이었습니다</translation>
    </message>
    <message>
        <source>the CA private key file is corrupt (%1)</source>
        <translation>CA 개인 키 파일이 손상되었습니다 (%1)</translation>
    </message>
    <message>
        <source>the CA private key file is missing</source>
        <translation>CA 개인 키 파일이 없습니다</translation>
    </message>
    <message>
        <source>the CA private key file is not a regular file</source>
        <translation>CA 개인 키 파일이 일반 파일이 아닙니다</translation>
    </message>
</context>
<context>
    <name>wsi::HarExporter</name>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>%1에 쓸 수 없습니다: %2</translation>
    </message>
</context>
<context>
    <name>wsi::HarImporter</name>
    <message>
        <source>Cannot open %1: %2</source>
        <translation>%1을(를) 열 수 없습니다: %2</translation>
    </message>
    <message>
        <source>Not a HAR file: %1 at line %2 (offset %3).</source>
        <translation>HAR 파일이 아닙니다: %2번째 줄(오프셋 %3)에서 %1.</translation>
    </message>
    <message>
        <source>Not a HAR file: there is no &quot;log&quot; object with &quot;entries&quot;.</source>
        <translation>HAR 파일이 아닙니다: &quot;entries&quot;가 있는 &quot;log&quot; 객체가 없습니다.</translation>
    </message>
    <message>
        <source>Skipped %1 entries that are not WebSockets.</source>
        <translation>WebSocket이 아닌 항목 %1개를 건너뛰었습니다.</translation>
    </message>
    <message>
        <source>The HAR file holds no WebSocket entries.</source>
        <translation>HAR 파일에 WebSocket 항목이 없습니다.</translation>
    </message>
    <message numerus="yes">
        <source>%1: skipped %n message(s) with an unknown opcode.</source>
        <translation>
            <numerusform>%1: 알 수 없는 opcode의 메시지 %n개를 건너뛰었습니다.</numerusform>
        </translation>
    </message>
    <message>
        <source>HAR version %1 is not 1.2; read as 1.2.</source>
        <translation>HAR 버전 %1은(는) 1.2가 아닙니다. 1.2로 읽습니다.</translation>
    </message>
    <message>
        <source>Imported from HAR (%1): the handshake heads are rebuilt from the HAR&apos;s headers, not recorded from the wire; HAR holds no frames, pings or Close frames.</source>
        <translation>HAR에서 가져왔습니다 (%1): 핸드셰이크 헤더 부분은 와이어에서 기록한 것이 아니라 HAR의 헤더로 다시 만든 것입니다. HAR에는 프레임, 핑, Close 프레임이 없습니다.</translation>
    </message>
    <message>
        <source>Imported from HAR: how it closed is not recorded.</source>
        <translation>HAR에서 가져왔습니다: 어떻게 닫혔는지는 기록되어 있지 않습니다.</translation>
    </message>
    <message>
        <source>a HAR file</source>
        <translation>HAR 파일</translation>
    </message>
</context>
<context>
    <name>wsi::LogFilterModel</name>
    <message>
        <source>Invalid regular expression &quot;%1&quot; at offset %2: %3</source>
        <translation>정규식 &quot;%1&quot;이(가) 오프셋 %2에서 올바르지 않습니다: %3</translation>
    </message>
</context>
<context>
    <name>wsi::SessionLogReader</name>
    <message>
        <source>line %1: ignored a torn last line (%2 bytes; %3): the process writing the session was probably stopped while writing it.</source>
        <translation>%1번째 줄: 잘린 마지막 줄(%2바이트, %3)을 무시했습니다. 세션을 기록하던 프로세스가 쓰는 도중에 멈춘 것으로 보입니다.</translation>
    </message>
    <message>
        <source>events of type &quot;%1&quot; are not known to this version; kept as info rows.</source>
        <translation>&quot;%1&quot; 유형의 이벤트는 이 버전에서 알 수 없어 정보 행으로 남겼습니다.</translation>
    </message>
    <message>
        <source>Cannot open %1: %2</source>
        <translation>%1을(를) 열 수 없습니다: %2</translation>
    </message>
    <message>
        <source>The file is empty: a session log starts with a &quot;format&quot; line.</source>
        <translation>파일이 비어 있습니다. 세션 로그는 &quot;format&quot; 줄로 시작합니다.</translation>
    </message>
    <message>
        <source>&quot;leg&quot; must be &quot;client&quot; or &quot;server&quot;.</source>
        <translation>&quot;leg&quot;는 &quot;client&quot;나 &quot;server&quot;여야 합니다.</translation>
    </message>
    <message>
        <source>connection %1 mixes lines with and without &quot;leg&quot;: either all of a connection&apos;s lines say which leg they crossed (a proxied connection) or none does.</source>
        <translation>연결 %1에 &quot;leg&quot;가 있는 줄과 없는 줄이 섞여 있습니다. 한 연결의 줄은 모두 어느 구간을 지났는지 밝히거나(프록시된 연결) 모두 밝히지 않아야 합니다.</translation>
    </message>
    <message>
        <source>line %1: %2</source>
        <translation>%1번째 줄: %2</translation>
    </message>
    <message>
        <source>no &quot;event&quot; field.</source>
        <translation>&quot;event&quot; 필드가 없습니다.</translation>
    </message>
    <message>
        <source>not a valid JSON object: %1</source>
        <translation>올바른 JSON 객체가 아닙니다: %1</translation>
    </message>
    <message>
        <source>this is not a WS Inspector session log: the first line has no &quot;format&quot; field.</source>
        <translation>WS Inspector 세션 로그가 아닙니다. 첫 줄에 &quot;format&quot; 필드가 없습니다.</translation>
    </message>
    <message>
        <source>unknown format &quot;%1&quot;: this is not a WS Inspector session log (expected &quot;%2&quot;).</source>
        <translation>알 수 없는 형식 &quot;%1&quot;입니다. WS Inspector 세션 로그가 아닙니다(&quot;%2&quot;이어야 합니다).</translation>
    </message>
    <message>
        <source>unsupported session log version &quot;%1&quot;: this version of WS Inspector reads &quot;%2&quot;, &quot;%3&quot;, &quot;%4&quot; and &quot;%5&quot; only; open the file with a newer one.</source>
        <translation>지원하지 않는 세션 로그 버전 &quot;%1&quot;입니다. 이 버전의 WS Inspector는 &quot;%2&quot;, &quot;%3&quot;, &quot;%4&quot;, &quot;%5&quot;만 읽습니다. 더 새로운 버전으로 파일을 여세요.</translation>
    </message>
    <message>
        <source>a &quot;proxy_mark&quot; line must name a message before it by &quot;leg&quot;, &quot;dir&quot; and &quot;message_number&quot;.</source>
        <translation>&quot;proxy_mark&quot; 줄은 앞선 메시지를 &quot;leg&quot;, &quot;dir&quot;, &quot;message_number&quot;로 가리켜야 합니다.</translation>
    </message>
    <message>
        <source>&quot;payload_of&quot; belongs on an &quot;out&quot; message line of a proxied connection: it names the &quot;in&quot; message of the other leg whose payload the line forwards.</source>
        <translation>&quot;payload_of&quot;는 프록시된 연결의 &quot;out&quot; 메시지 줄에만 올 수 있습니다. 이 값은 그 줄이 전달하는 페이로드를 가진, 다른 구간의 &quot;in&quot; 메시지를 가리킵니다.</translation>
    </message>
    <message>
        <source>&quot;payload_of&quot;:%1 names a message of the %2 leg that is not of this message&apos;s type (text or binary).</source>
        <translation>&quot;payload_of&quot;:%1이(가) 가리키는 %2 구간의 메시지는 이 메시지와 종류(텍스트 또는 바이너리)가 다릅니다.</translation>
    </message>
    <message>
        <source>&quot;payload_of&quot;:%1 names an &quot;in&quot; message of the %2 leg older than its last %3 (it has %4 so far): a writer names only recent ones, so that a reader need not keep every payload.</source>
        <translation>&quot;payload_of&quot;:%1은(는) %2 구간의 마지막 %3개보다 오래된 &quot;in&quot; 메시지를 가리킵니다(지금까지 %4개). 읽는 쪽이 모든 페이로드를 간직하지 않아도 되도록 쓰는 쪽은 최근 메시지만 가리킵니다.</translation>
    </message>
    <message>
        <source>&quot;payload_of&quot;:%1 names no &quot;in&quot; message of the %2 leg before it (that leg has %3 so far).</source>
        <translation>&quot;payload_of&quot;:%1이(가) 가리키는 %2 구간의 &quot;in&quot; 메시지가 이 줄 앞에 없습니다(그 구간에는 지금까지 %3개가 있습니다).</translation>
    </message>
</context>
<context>
    <name>wsi::ProtocolViolation</name>
    <message>
        <source>Frame uses a reserved opcode: only 0x0-0x2 and 0x8-0xA are defined (RFC 6455 section 5.2)</source>
        <translation>프레임이 예약된 opcode를 씁니다. 정의된 값은 0x0-0x2와 0x8-0xA뿐입니다 (RFC 6455 5.2절)</translation>
    </message>
    <message>
        <source>Reserved bit (RSV1/RSV2/RSV3) is set without a negotiated extension that defines it (RFC 6455 section 5.2)</source>
        <translation>협상된 확장이 정의하지 않은 예약 비트(RSV1/RSV2/RSV3)가 켜져 있습니다 (RFC 6455 5.2절)</translation>
    </message>
    <message>
        <source>Control frame is fragmented (FIN=0): control frames must not be fragmented (RFC 6455 section 5.5)</source>
        <translation>제어 프레임이 프래그먼트되었습니다(FIN=0). 제어 프레임은 프래그먼트하면 안 됩니다 (RFC 6455 5.5절)</translation>
    </message>
    <message>
        <source>Control frame payload is longer than 125 bytes (RFC 6455 section 5.5)</source>
        <translation>제어 프레임의 페이로드가 125바이트보다 깁니다 (RFC 6455 5.5절)</translation>
    </message>
    <message>
        <source>Server sent a masked frame: a server must not mask frames it sends to a client (RFC 6455 section 5.1)</source>
        <translation>서버가 마스킹된 프레임을 보냈습니다. 서버는 클라이언트에 보내는 프레임을 마스킹하면 안 됩니다 (RFC 6455 5.1절)</translation>
    </message>
    <message>
        <source>Client sent an unmasked frame: a client must mask every frame it sends to a server (RFC 6455 section 5.1)</source>
        <translation>클라이언트가 마스킹하지 않은 프레임을 보냈습니다. 클라이언트는 서버에 보내는 모든 프레임을 마스킹해야 합니다 (RFC 6455 5.1절)</translation>
    </message>
    <message>
        <source>Payload length is not encoded in the minimal number of bytes (RFC 6455 section 5.2)</source>
        <translation>페이로드 길이가 가장 짧은 바이트 수로 인코딩되지 않았습니다 (RFC 6455 5.2절)</translation>
    </message>
    <message>
        <source>Most significant bit of the 64-bit payload length is set: it must be 0 (RFC 6455 section 5.2)</source>
        <translation>64비트 페이로드 길이의 최상위 비트가 켜져 있습니다. 이 비트는 0이어야 합니다 (RFC 6455 5.2절)</translation>
    </message>
    <message>
        <source>Continuation frame arrived with no fragmented message in progress (RFC 6455 section 5.4)</source>
        <translation>진행 중인 프래그먼트된 메시지가 없는데 continuation 프레임이 왔습니다 (RFC 6455 5.4절)</translation>
    </message>
    <message>
        <source>New text or binary frame arrived while a fragmented message was still in progress: a continuation frame was expected (RFC 6455 section 5.4)</source>
        <translation>프래그먼트된 메시지가 아직 진행 중인데 새 텍스트 또는 바이너리 프레임이 왔습니다. continuation 프레임이 와야 합니다 (RFC 6455 5.4절)</translation>
    </message>
    <message>
        <source>Text message is not valid UTF-8 (RFC 6455 sections 5.6 and 8.1)</source>
        <translation>텍스트 메시지가 올바른 UTF-8이 아닙니다 (RFC 6455 5.6절, 8.1절)</translation>
    </message>
    <message>
        <source>Close reason is not valid UTF-8 (RFC 6455 section 5.5.1)</source>
        <translation>종료 사유가 올바른 UTF-8이 아닙니다 (RFC 6455 5.5.1절)</translation>
    </message>
    <message>
        <source>Close frame carries a status code that may not be sent on the wire (RFC 6455 section 7.4)</source>
        <translation>Close 프레임에 와이어로 보내면 안 되는 상태 코드가 들어 있습니다 (RFC 6455 7.4절)</translation>
    </message>
    <message>
        <source>Close frame payload is one byte long: it must be empty or start with a two-byte status code (RFC 6455 section 5.5.1)</source>
        <translation>Close 프레임의 페이로드가 1바이트입니다. 비어 있거나 2바이트 상태 코드로 시작해야 합니다 (RFC 6455 5.5.1절)</translation>
    </message>
    <message>
        <source>Frame sent after the Close frame: nothing may follow a Close frame (RFC 6455 section 5.5.1)</source>
        <translation>Close 프레임 뒤에 프레임을 보냈습니다. Close 프레임 뒤에는 아무것도 보내면 안 됩니다 (RFC 6455 5.5.1절)</translation>
    </message>
    <message>
        <source>Message is larger than the inspector&apos;s size limit, so decoding stopped</source>
        <translation>메시지가 검사 도구의 크기 한도보다 커서 디코딩을 멈췄습니다</translation>
    </message>
    <message>
        <source>Control frame has RSV1 set: permessage-deflate compresses only data messages, never control frames (RFC 7692 section 6.1)</source>
        <translation>제어 프레임에 RSV1이 켜져 있습니다. permessage-deflate는 데이터 메시지만 압축하고 제어 프레임은 압축하지 않습니다 (RFC 7692 6.1절)</translation>
    </message>
    <message>
        <source>Continuation frame has RSV1 set: with permessage-deflate only the first frame of a message carries RSV1 (RFC 7692 section 6.1)</source>
        <translation>continuation 프레임에 RSV1이 켜져 있습니다. permessage-deflate에서는 메시지의 첫 프레임만 RSV1을 켭니다 (RFC 7692 6.1절)</translation>
    </message>
</context>
<context>
    <name>wsi::QtErrorText</name>
    <message>
        <source>Connection refused</source>
        <translation>연결이 거부되었습니다</translation>
    </message>
    <message>
        <source>Connection reset by peer</source>
        <translation>상대가 연결을 초기화했습니다</translation>
    </message>
    <message>
        <source>Connection timed out</source>
        <translation>연결 시간이 초과되었습니다</translation>
    </message>
    <message>
        <source>Error during SSL handshake: %1</source>
        <translation>TLS 핸드셰이크 중 오류: %1</translation>
    </message>
    <message>
        <source>Error while reading: %1</source>
        <translation>읽는 중 오류: %1</translation>
    </message>
    <message>
        <source>Handshake failed: %1</source>
        <translation>핸드셰이크 실패: %1</translation>
    </message>
    <message>
        <source>Host not found</source>
        <translation>호스트를 찾을 수 없습니다</translation>
    </message>
    <message>
        <source>Host unreachable</source>
        <translation>호스트에 도달할 수 없습니다</translation>
    </message>
    <message>
        <source>Invalid hostname</source>
        <translation>호스트 이름이 올바르지 않습니다</translation>
    </message>
    <message>
        <source>Network dropped connection on reset</source>
        <translation>네트워크가 재설정되며 연결이 끊겼습니다</translation>
    </message>
    <message>
        <source>Network error</source>
        <translation>네트워크 오류</translation>
    </message>
    <message>
        <source>Network operation timed out</source>
        <translation>네트워크 작업 시간이 초과되었습니다</translation>
    </message>
    <message>
        <source>Network unreachable</source>
        <translation>네트워크에 도달할 수 없습니다</translation>
    </message>
    <message>
        <source>No cipher suites in common</source>
        <translation>공통 암호 스위트가 없습니다</translation>
    </message>
    <message>
        <source>No host name given</source>
        <translation>호스트 이름이 없습니다</translation>
    </message>
    <message>
        <source>Operation on socket is not supported</source>
        <translation>소켓에서 지원하지 않는 작업입니다</translation>
    </message>
    <message>
        <source>Out of resources</source>
        <translation>자원이 부족합니다</translation>
    </message>
    <message>
        <source>Permission denied</source>
        <translation>권한이 없습니다</translation>
    </message>
    <message>
        <source>Socket is not connected</source>
        <translation>소켓이 연결되어 있지 않습니다</translation>
    </message>
    <message>
        <source>Socket operation timed out</source>
        <translation>소켓 작업 시간이 초과되었습니다</translation>
    </message>
    <message>
        <source>The TLS/SSL connection has been closed</source>
        <translation>TLS 연결이 닫혔습니다</translation>
    </message>
    <message>
        <source>The address is not available</source>
        <translation>주소를 사용할 수 없습니다</translation>
    </message>
    <message>
        <source>The address is protected</source>
        <translation>보호된 주소입니다</translation>
    </message>
    <message>
        <source>The bound address is already in use</source>
        <translation>바인딩한 주소가 이미 사용 중입니다</translation>
    </message>
    <message>
        <source>The certificate has expired</source>
        <translation>인증서가 만료되었습니다</translation>
    </message>
    <message>
        <source>The certificate is self-signed, and untrusted</source>
        <translation>인증서가 자체 서명되었고 신뢰할 수 없습니다</translation>
    </message>
    <message>
        <source>The host name did not match any of the valid hosts for this certificate</source>
        <translation>호스트 이름이 이 인증서의 유효한 호스트 중 어느 것과도 일치하지 않습니다</translation>
    </message>
    <message>
        <source>The issuer certificate of a locally looked up certificate could not be found</source>
        <translation>로컬에서 찾은 인증서의 발급자 인증서를 찾을 수 없습니다</translation>
    </message>
    <message>
        <source>The peer did not present any certificate</source>
        <translation>상대가 인증서를 제시하지 않았습니다</translation>
    </message>
    <message>
        <source>The remote host closed the connection</source>
        <translation>원격 호스트가 연결을 닫았습니다</translation>
    </message>
    <message>
        <source>Unable to write</source>
        <translation>쓸 수 없습니다</translation>
    </message>
    <message>
        <source>Unable to write data: %1</source>
        <translation>데이터를 쓸 수 없습니다: %1</translation>
    </message>
    <message>
        <source>Unknown address type</source>
        <translation>알 수 없는 주소 형식입니다</translation>
    </message>
    <message>
        <source>Unknown error</source>
        <translation>알 수 없는 오류</translation>
    </message>
</context>
<context>
    <name>wsi::WireTap</name>
    <message>
        <source>a request that is not CONNECT</source>
        <translation>CONNECT가 아닌 요청</translation>
    </message>
    <message>
        <source>wrong proxy credentials</source>
        <translation>잘못된 프록시 자격 증명</translation>
    </message>
    <message>
        <source>a CONNECT to %1, which is not this tap&apos;s target</source>
        <translation>이 탭의 대상이 아닌 %1(으)로의 CONNECT</translation>
    </message>
    <message>
        <source>TLS verification of %1 failed and the connection was cancelled: %2</source>
        <translation>%1의 TLS 검증에 실패해 연결을 취소했습니다: %2</translation>
    </message>
    <message>
        <source>no addresses</source>
        <translation>주소 없음</translation>
    </message>
    <message>
        <source>DNS lookup failed for &quot;%1&quot;: %2. Check the host name in the URL.</source>
        <translation>&quot;%1&quot;의 DNS 조회 실패: %2. URL의 호스트 이름을 확인하세요.</translation>
    </message>
    <message>
        <source>Connection refused by %1 (%2): nothing accepts connections on that port. Is the server running, and is the port right?</source>
        <translation>%1 (%2)이(가) 연결을 거부했습니다: 그 포트에서 연결을 받는 것이 없습니다. 서버가 실행 중이고 포트가 맞나요?</translation>
    </message>
    <message>
        <source>Host %1 not found. Check the host name in the URL.</source>
        <translation>호스트 %1을(를) 찾을 수 없습니다. URL의 호스트 이름을 확인하세요.</translation>
    </message>
    <message>
        <source>Network unreachable for %1 (%2): %3.</source>
        <translation>%1 (%2)에 네트워크로 닿을 수 없습니다: %3.</translation>
    </message>
    <message>
        <source>TCP connect to %1 timed out. Is a firewall dropping packets?</source>
        <translation>%1에 대한 TCP 연결 시간이 초과되었습니다. 방화벽이 패킷을 버리고 있지 않나요?</translation>
    </message>
    <message>
        <source>%1 closed the connection right after the TLS handshake. Servers do that when they require a client certificate: set one in the connection&apos;s TLS options.</source>
        <translation>%1이(가) TLS 핸드셰이크 직후 연결을 닫았습니다. 클라이언트 인증서를 요구하는 서버가 이렇게 합니다. 연결의 TLS 옵션에서 인증서를 설정하세요.</translation>
    </message>
    <message>
        <source>TLS handshake with %1 failed: %2. If the server requires a client certificate, set one in the connection&apos;s TLS options.</source>
        <translation>%1와(과)의 TLS 핸드셰이크 실패: %2. 서버가 클라이언트 인증서를 요구한다면 연결의 TLS 옵션에서 설정하세요.</translation>
    </message>
    <message>
        <source>TCP connection to %1 failed: %2.</source>
        <translation>%1(으)로의 TCP 연결 실패: %2.</translation>
    </message>
    <message>
        <source>The capture tap could not listen on 127.0.0.1: %1</source>
        <translation>캡처 탭이 127.0.0.1에서 수신 대기할 수 없습니다: %1</translation>
    </message>
    <message>
        <source>a second connection to a tap whose tunnel is in use</source>
        <translation>터널이 이미 사용 중인 탭에 대한 두 번째 연결</translation>
    </message>
    <message>
        <source>an oversized proxy request</source>
        <translation>너무 큰 프록시 요청</translation>
    </message>
    <message>
        <source>TLS between the inspector&apos;s tap and its own WebSocket failed: %1</source>
        <translation>인스펙터의 탭과 탭 자신의 WebSocket 사이의 TLS 실패: %1</translation>
    </message>
</context>
<context>
    <name>wsi::ProtobufSchemaPicker</name>
    <message>
        <source>Choose a protobuf schema</source>
        <translation>protobuf 스키마 고르기</translation>
    </message>
    <message>
        <source>Protobuf schemas (*.proto);;All files (*)</source>
        <translation>Protobuf 스키마 (*.proto);;모든 파일 (*)</translation>
    </message>
    <message>
        <source>Schema…</source>
        <translation>스키마…</translation>
    </message>
    <message>
        <source>Choose the .proto file to read the message with; its imports are looked up next to it</source>
        <translation>메시지를 읽을 .proto 파일을 고릅니다. import하는 파일은 그 옆에서 찾습니다</translation>
    </message>
    <message>
        <source>Schema: %1 (click to choose another .proto file)</source>
        <translation>스키마: %1 (다른 .proto 파일을 고르려면 클릭)</translation>
    </message>
    <message>
        <source>The message type the bytes are read as; the choice is remembered</source>
        <translation>바이트를 읽을 메시지 형식입니다. 선택은 기억됩니다</translation>
    </message>
</context>
<context>
    <name>wsi::BinaryCodecView</name>
    <message>
        <source>%1 bytes read as %2</source>
        <translation>%1바이트를 %2(으)로 읽음</translation>
    </message>
    <message>
        <source>%1 bytes, detected as %2</source>
        <translation>%1바이트, %2(으)로 감지됨</translation>
    </message>
    <message>
        <source>%1 bytes: too large to show as a tree</source>
        <translation>%1바이트: 트리로 보여 주기에는 너무 큽니다</translation>
    </message>
    <message>
        <source>%1 bytes, format not recognised</source>
        <translation>%1바이트, 형식을 알 수 없음</translation>
    </message>
    <message>
        <source>Decode note: %1 (%2)</source>
        <translation>디코딩 메모: %1 (%2)</translation>
    </message>
    <message>
        <source>Auto-detect</source>
        <translation>자동 감지</translation>
    </message>
    <message>
        <source>CBOR</source>
        <translation>CBOR</translation>
    </message>
    <message>
        <source>MessagePack</source>
        <translation>MessagePack</translation>
    </message>
    <message>
        <source>Protobuf (no schema)</source>
        <translation>Protobuf (스키마 없음)</translation>
    </message>
    <message>
        <source>How to read this binary message; the choice is remembered</source>
        <translation>이 바이너리 메시지를 읽는 방식입니다. 선택은 기억됩니다</translation>
    </message>
    <message>
        <source>Protobuf (schema)</source>
        <translation>Protobuf (스키마)</translation>
    </message>
    <message>
        <source>Choose a .proto file with the Schema… button to read this message with it</source>
        <translation>이 메시지를 스키마로 읽으려면 스키마… 버튼으로 .proto 파일을 고르세요</translation>
    </message>
    <message>
        <source>The schema could not be read, fix the file or choose another: %1</source>
        <translation>스키마를 읽을 수 없습니다. 파일을 고치거나 다른 파일을 고르세요: %1</translation>
    </message>
</context>
<context>
    <name>wsi::DecodedMessageView</name>
    <message>
        <source>protocol</source>
        <translation>프로토콜</translation>
    </message>
    <message>
        <source>kind</source>
        <translation>종류</translation>
    </message>
    <message>
        <source>summary</source>
        <translation>요약</translation>
    </message>
    <message>
        <source>note</source>
        <translation>메모</translation>
    </message>
    <message>
        <source>message %1: %2</source>
        <translation>메시지 %1: %2</translation>
    </message>
    <message>
        <source>request sent at</source>
        <translation>요청 보낸 시각</translation>
    </message>
    <message>
        <source>latency (ms)</source>
        <translation>지연 시간 (ms)</translation>
    </message>
    <message>
        <source>%1, found by %2</source>
        <translation>%1, 감지 근거: %2</translation>
    </message>
    <message>
        <source>A reply: %1 ms after its request</source>
        <translation>응답: 요청 후 %1 ms</translation>
    </message>
    <message>
        <source>Decode note: %1</source>
        <translation>디코딩 메모: %1</translation>
    </message>
</context>
<context>
    <name>wsi::ProxiedClient</name>
    <message>
        <source>The upgrade request head is larger than %1 bytes (the proxy&apos;s limit).</source>
        <translation>업그레이드 요청 헤드가 %1바이트(프록시의 한도)보다 큽니다.</translation>
    </message>
    <message>
        <source>The upgrade request could not be parsed: %1</source>
        <translation>업그레이드 요청을 해석할 수 없습니다: %1</translation>
    </message>
    <message>
        <source>The upstream %1 is this proxy itself (%2 port %3): relaying there would loop.</source>
        <translation>업스트림 %1이(가) 이 프록시 자신입니다 (%2 포트 %3). 그쪽으로 중계하면 무한히 돌게 됩니다.</translation>
    </message>
    <message>
        <source>The certificate of %1 failed verification: %2</source>
        <translation>%1의 인증서 검증에 실패했습니다: %2</translation>
    </message>
    <message>
        <source>%1 failure reaching the upstream %2: %3</source>
        <translation>업스트림 %2에 연결하다 %1 실패: %3</translation>
    </message>
    <message>
        <source>A frame from the %1 is larger than the proxy&apos;s limit of %2 bytes: both sides closed.</source>
        <translation>%1에서 온 프레임이 프록시 한도인 %2바이트보다 커서 양쪽을 모두 닫았습니다.</translation>
    </message>
    <message>
        <source>client</source>
        <translation>클라이언트</translation>
    </message>
    <message>
        <source>server</source>
        <translation>서버</translation>
    </message>
    <message>
        <source>HTTP failure at the upstream %1: the server closed the connection without answering the upgrade.</source>
        <translation>업스트림 %1에서 HTTP 실패: 서버가 업그레이드에 응답하지 않고 연결을 닫았습니다.</translation>
    </message>
    <message>
        <source>The client closed its TCP connection.</source>
        <translation>클라이언트가 TCP 연결을 닫았습니다.</translation>
    </message>
    <message>
        <source>The proxy closed the TCP connection to the server: the client&apos;s closed.</source>
        <translation>클라이언트 쪽이 닫혀서 프록시가 서버와의 TCP 연결을 닫았습니다.</translation>
    </message>
    <message>
        <source>The server closed its TCP connection.</source>
        <translation>서버가 TCP 연결을 닫았습니다.</translation>
    </message>
    <message>
        <source>The proxy closed the TCP connection to the client: the server&apos;s closed.</source>
        <translation>서버 쪽이 닫혀서 프록시가 클라이언트와의 TCP 연결을 닫았습니다.</translation>
    </message>
    <message>
        <source>The proxy stopped: it closed the TCP connection to the client.</source>
        <translation>프록시가 멈추면서 클라이언트와의 TCP 연결을 닫았습니다.</translation>
    </message>
    <message>
        <source>The proxy stopped: it closed the TCP connection to the server.</source>
        <translation>프록시가 멈추면서 서버와의 TCP 연결을 닫았습니다.</translation>
    </message>
</context>
<context>
    <name>wsi::UpstreamRequest</name>
    <message>
        <source>the request target &quot;%1&quot; is not a path: this reverse proxy relays to its one upstream only, never to a target a client names</source>
        <translation>요청 대상 &quot;%1&quot;은(는) 경로가 아닙니다: 이 리버스 프록시는 정해진 업스트림 하나로만 중계하며, 클라이언트가 지정한 대상으로는 중계하지 않습니다</translation>
    </message>
    <message>
        <source>the request target &quot;%1&quot; names another server than the one this tunnel was opened to</source>
        <translation>요청 대상 &quot;%1&quot;은(는) 이 터널이 열린 서버가 아닌 다른 서버를 가리킵니다</translation>
    </message>
    <message>
        <source>Loop detected: this request already went through this proxy (its Via header names %1), so the upstream leads back here through another proxy; relaying it again would loop.</source>
        <translation>루프가 감지되었습니다: 이 요청은 이미 이 프록시를 거쳤습니다(Via 헤더에 %1이(가) 있습니다). 업스트림이 다른 프록시를 거쳐 이 프록시로 되돌아오므로, 다시 중계하면 루프가 됩니다.</translation>
    </message>
</context>
<context>
    <name>wsi::HoldConsole</name>
    <message>
        <source>expected forward N, drop N or edit N TEXT</source>
        <translation>forward N, drop N 또는 edit N TEXT 형식이어야 합니다</translation>
    </message>
    <message>
        <source>no held message has that id</source>
        <translation>그 ID의 붙잡아 둔 메시지가 없습니다</translation>
    </message>
</context>
<context>
    <name>wsi::ReverseProxy</name>
    <message>
        <source>The proxy could not listen on %1 port %2: %3</source>
        <translation>프록시가 %1 포트 %2에서 대기할 수 없습니다: %3</translation>
    </message>
    <message>
        <source>The upstream must be a ws:// or wss:// URL, not &quot;%1&quot;.</source>
        <translation>업스트림은 ws:// 또는 wss:// URL이어야 합니다 (&quot;%1&quot;은(는) 안 됩니다).</translation>
    </message>
    <message>
        <source>The upstream URL &quot;%1&quot; names no host.</source>
        <translation>업스트림 URL &quot;%1&quot;에 호스트가 없습니다.</translation>
    </message>
    <message>
        <source>The upstream URL &quot;%1&quot; has a fragment; WebSocket URLs cannot have one.</source>
        <translation>업스트림 URL &quot;%1&quot;에 프래그먼트(#)가 있습니다. WebSocket URL에는 프래그먼트를 쓸 수 없습니다.</translation>
    </message>
    <message>
        <source>The request head limit must be at least 1024 bytes.</source>
        <translation>요청 헤드 한도는 1024바이트 이상이어야 합니다.</translation>
    </message>
</context>
<context>
    <name>wsi::DeflateViolation</name>
    <message>
        <source>Sec-WebSocket-Extensions is not a list of extensions with parameters (RFC 6455 section 9.1)</source>
        <translation>Sec-WebSocket-Extensions가 매개변수를 가진 확장 목록 형식이 아닙니다 (RFC 6455 9.1절)</translation>
    </message>
    <message>
        <source>permessage-deflate has a parameter it does not define, so the offer or response is invalid (RFC 7692 section 7)</source>
        <translation>permessage-deflate에 정의되지 않은 매개변수가 있어 제안이나 응답이 유효하지 않습니다 (RFC 7692 7절)</translation>
    </message>
    <message>
        <source>permessage-deflate has the same parameter twice, so the offer or response is invalid (RFC 7692 section 7)</source>
        <translation>permessage-deflate에 같은 매개변수가 두 번 있어 제안이나 응답이 유효하지 않습니다 (RFC 7692 7절)</translation>
    </message>
    <message>
        <source>A permessage-deflate parameter has an invalid value: window bits must be a number from 8 to 15, and the context takeover parameters take no value (RFC 7692 section 7.1)</source>
        <translation>permessage-deflate 매개변수 값이 잘못되었습니다. window bits는 8부터 15까지의 숫자여야 하고, context takeover 매개변수에는 값이 없어야 합니다 (RFC 7692 7.1절)</translation>
    </message>
    <message>
        <source>The server&apos;s permessage-deflate response has a parameter or value the client&apos;s offer did not allow; the client must fail the connection (RFC 7692 section 7.1)</source>
        <translation>서버의 permessage-deflate 응답에 클라이언트 제안이 허용하지 않은 매개변수나 값이 있습니다. 클라이언트는 연결을 실패 처리해야 합니다 (RFC 7692 7.1절)</translation>
    </message>
    <message>
        <source>The server&apos;s permessage-deflate response leaves out a parameter the client&apos;s offer requires of a server that accepts it (RFC 7692 section 7.1)</source>
        <translation>서버의 permessage-deflate 응답에 클라이언트 제안이 수락하는 서버에게 요구한 매개변수가 빠져 있습니다 (RFC 7692 7.1절)</translation>
    </message>
    <message>
        <source>The server&apos;s response uses an extension the client never offered; the client must fail the connection (RFC 6455 section 9.1)</source>
        <translation>서버 응답이 클라이언트가 제안하지 않은 확장을 사용합니다. 클라이언트는 연결을 실패 처리해야 합니다 (RFC 6455 9.1절)</translation>
    </message>
    <message>
        <source>The server&apos;s response accepts permessage-deflate more than once (RFC 7692 section 5)</source>
        <translation>서버 응답이 permessage-deflate를 두 번 이상 수락합니다 (RFC 7692 5절)</translation>
    </message>
    <message>
        <source>A compressed message inflates to more than the message size limit (a deflate bomb): inflating stopped at the limit</source>
        <translation>압축된 메시지를 풀면 메시지 크기 한도를 넘습니다 (deflate 폭탄). 한도에서 압축 해제를 멈췄습니다</translation>
    </message>
    <message>
        <source>A compressed message is not valid DEFLATE data, so it cannot be inflated (RFC 7692 section 7.2.2)</source>
        <translation>압축된 메시지가 올바른 DEFLATE 데이터가 아니어서 풀 수 없습니다 (RFC 7692 7.2.2절)</translation>
    </message>
</context>
<context>
    <name>wsi::PerMessageDeflateParams</name>
    <message>
        <source>reset after every message</source>
        <translation>메시지마다 초기화</translation>
    </message>
    <message>
        <source>kept across messages</source>
        <translation>메시지 사이에 유지</translation>
    </message>
    <message>
        <source>server to client: window %1 bits, context %2; client to server: window %3 bits, context %4</source>
        <translation>서버→클라이언트: 윈도 %1비트, 컨텍스트 %2 / 클라이언트→서버: 윈도 %3비트, 컨텍스트 %4</translation>
    </message>
</context>
<context>
    <name>wsi::EventLogDelegate</name>
    <message>
        <source>%1 · auto</source>
        <translation>%1 · 자동</translation>
    </message>
</context>
<context>
    <name>wsi::PairsModel</name>
    <message>
        <source>answered</source>
        <translation>응답함</translation>
    </message>
    <message>
        <source>waiting</source>
        <translation>대기 중</translation>
    </message>
    <message>
        <source>unanswered</source>
        <translation>응답 없음</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>보낸 시각</translation>
    </message>
    <message>
        <source>Request</source>
        <translation>요청</translation>
    </message>
    <message>
        <source>Replied</source>
        <translation>응답 시각</translation>
    </message>
    <message>
        <source>Reply</source>
        <translation>응답</translation>
    </message>
    <message>
        <source>Latency (ms)</source>
        <translation>지연 시간 (ms)</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>상태</translation>
    </message>
</context>
<context>
    <name>wsi::LatencyStatsModel</name>
    <message>
        <source>Method or event</source>
        <translation>메서드 또는 이벤트</translation>
    </message>
    <message>
        <source>Replies</source>
        <translation>응답 수</translation>
    </message>
    <message>
        <source>p50 ms</source>
        <translation>p50 ms</translation>
    </message>
    <message>
        <source>p95 ms</source>
        <translation>p95 ms</translation>
    </message>
    <message>
        <source>p99 ms</source>
        <translation>p99 ms</translation>
    </message>
    <message>
        <source>max ms</source>
        <translation>최대 ms</translation>
    </message>
</context>
<context>
    <name>wsi::PairsView</name>
    <message>
        <source>Select a connection to see its requests and replies.</source>
        <translation>연결을 선택하면 요청과 응답을 볼 수 있습니다.</translation>
    </message>
    <message>
        <source>No protocol decoded on this connection, so there are no requests to pair. Choose a protocol (JSON-RPC, Socket.IO, GraphQL, STOMP, MQTT, SignalR) in the connection options.</source>
        <translation>이 연결에서 디코딩된 프로토콜이 없어 짝지을 요청이 없습니다. 연결 옵션에서 프로토콜(JSON-RPC, Socket.IO, GraphQL, STOMP, MQTT, SignalR)을 고르세요.</translation>
    </message>
    <message>
        <source>No requests yet. Requests sent as %1 appear here with their replies and latencies.</source>
        <translation>아직 요청이 없습니다. %1 요청이 응답, 지연 시간과 함께 여기에 나타납니다.</translation>
    </message>
    <message>
        <source>Requests matched to their replies by id. A request without a reply for 60 seconds is unanswered. Click a pair to select its request in the Messages log; double-click to go there.</source>
        <translation>id로 응답과 짝지은 요청입니다. 60초 동안 응답이 없는 요청은 응답 없음입니다. 쌍을 클릭하면 메시지 로그에서 그 요청을 선택하고, 두 번 클릭하면 그곳으로 이동합니다.</translation>
    </message>
    <message>
        <source>No requests yet. Messages your pairing rule makes requests appear here with their replies and latencies.</source>
        <translation>아직 요청이 없습니다. 짝 맞춤 규칙이 요청으로 보는 메시지가 응답, 지연 시간과 함께 여기에 표시됩니다.</translation>
    </message>
</context>
<context>
    <name>wsi::LatencyPanel</name>
    <message>
        <source>Latency per method or event</source>
        <translation>메서드 또는 이벤트별 지연 시간</translation>
    </message>
    <message>
        <source>From each request to its reply, for the requests that got one. p50, p95 and p99 are nearest-rank percentiles: latencies that were measured, not interpolated.</source>
        <translation>응답을 받은 요청마다 요청부터 응답까지의 시간입니다. p50, p95, p99는 최근접 순위 백분위수로, 보간값이 아니라 실제로 측정된 지연 시간입니다.</translation>
    </message>
    <message>
        <source>Bar: p50; lighter bar: up to p95; mark: p99.</source>
        <translation>막대: p50, 옅은 막대: p95까지, 표시: p99.</translation>
    </message>
</context>
<context>
    <name>wsi::LatencyPlot</name>
    <message>
        <source>No replies yet</source>
        <translation>아직 응답이 없습니다</translation>
    </message>
    <message>
        <source>p50</source>
        <translation>p50</translation>
    </message>
    <message>
        <source>to p95</source>
        <translation>p95까지</translation>
    </message>
    <message>
        <source>p99</source>
        <translation>p99</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
</context>
<context>
    <name>wsi::ProtocolForm</name>
    <message>
        <source>%1 is not one JSON value: %2</source>
        <translation>%1은(는) 하나의 JSON 값이 아닙니다: %2</translation>
    </message>
</context>
<context>
    <name>wsi::JsonRpcForm</name>
    <message>
        <source>Enter the method to call.</source>
        <translation>호출할 메서드를 입력하십시오.</translation>
    </message>
    <message>
        <source>Params</source>
        <translation>Params</translation>
    </message>
    <message>
        <source>Params are an array (by position) or an object (by name).</source>
        <translation>params는 배열(위치로) 또는 객체(이름으로)입니다.</translation>
    </message>
    <message>
        <source>Call (numbered id, expects a reply)</source>
        <translation>호출 (번호 매긴 id, 응답을 기다림)</translation>
    </message>
    <message>
        <source>Notification (no id, no reply)</source>
        <translation>알림 (id 없음, 응답 없음)</translation>
    </message>
    <message>
        <source>&amp;Kind:</source>
        <translation>종류(&amp;K):</translation>
    </message>
    <message>
        <source>&amp;Method:</source>
        <translation>메서드(&amp;M):</translation>
    </message>
    <message>
        <source>e.g. eth_blockNumber</source>
        <translation>예: eth_blockNumber</translation>
    </message>
    <message>
        <source>&amp;Params:</source>
        <translation>Params(&amp;P):</translation>
    </message>
    <message>
        <source>[1, 2] or {&quot;name&quot;: &quot;value&quot;}; empty leaves params out</source>
        <translation>[1, 2] 또는 {&quot;name&quot;: &quot;value&quot;}; 비워 두면 params를 넣지 않습니다</translation>
    </message>
    <message>
        <source>JSON: an array passes params by position, an object by name.</source>
        <translation>JSON: 배열은 params를 위치로, 객체는 이름으로 전달합니다.</translation>
    </message>
</context>
<context>
    <name>wsi::MqttForm</name>
    <message>
        <source>Clean start</source>
        <translation>Clean start</translation>
    </message>
    <message>
        <source>Clean session</source>
        <translation>Clean session</translation>
    </message>
    <message>
        <source>Enter the topic to publish to.</source>
        <translation>발행할 토픽을 입력하십시오.</translation>
    </message>
    <message>
        <source>Enter a topic filter.</source>
        <translation>토픽 필터를 입력하십시오.</translation>
    </message>
    <message>
        <source>&amp;Version:</source>
        <translation>버전(&amp;V):</translation>
    </message>
    <message>
        <source>P&amp;acket:</source>
        <translation>패킷(&amp;A):</translation>
    </message>
    <message>
        <source>C&amp;lient id:</source>
        <translation>클라이언트 id(&amp;L):</translation>
    </message>
    <message>
        <source>&amp;Keep alive (s):</source>
        <translation>킵얼라이브(초)(&amp;K):</translation>
    </message>
    <message>
        <source>&amp;Username:</source>
        <translation>사용자 이름(&amp;U):</translation>
    </message>
    <message>
        <source>Pass&amp;word:</source>
        <translation>비밀번호(&amp;W):</translation>
    </message>
    <message>
        <source>&amp;Topic:</source>
        <translation>토픽(&amp;T):</translation>
    </message>
    <message>
        <source>&amp;QoS:</source>
        <translation>QoS(&amp;Q):</translation>
    </message>
    <message>
        <source>Pa&amp;yload:</source>
        <translation>페이로드(&amp;Y):</translation>
    </message>
    <message>
        <source>Retain</source>
        <translation>Retain</translation>
    </message>
    <message>
        <source>MQTT 3.1.1 (protocol level 4) or MQTT 5 (level 5, with empty property lists).</source>
        <translation>MQTT 3.1.1(프로토콜 레벨 4) 또는 MQTT 5(레벨 5, 빈 속성 목록 포함)입니다.</translation>
    </message>
    <message>
        <source>The control packet to send. Packet ids of SUBSCRIBE, UNSUBSCRIBE and PUBLISH with QoS 1 or 2 are numbered per connection.</source>
        <translation>보낼 제어 패킷입니다. SUBSCRIBE, UNSUBSCRIBE, QoS 1 또는 2의 PUBLISH 패킷 id는 연결마다 번호를 매깁니다.</translation>
    </message>
    <message>
        <source>PUBLISH: the topic name; SUBSCRIBE and UNSUBSCRIBE: a topic filter (+ and # allowed).</source>
        <translation>PUBLISH: 토픽 이름, SUBSCRIBE와 UNSUBSCRIBE: 토픽 필터(+와 # 사용 가능).</translation>
    </message>
    <message>
        <source>Quality of service: 0 at most once, 1 at least once, 2 exactly once.</source>
        <translation>서비스 품질: 0 최대 한 번, 1 최소 한 번, 2 정확히 한 번.</translation>
    </message>
    <message>
        <source>Sent as UTF-8 text.</source>
        <translation>UTF-8 텍스트로 보냅니다.</translation>
    </message>
</context>
<context>
    <name>wsi::SocketIoForm</name>
    <message>
        <source>Enter the event name.</source>
        <translation>이벤트 이름을 입력하십시오.</translation>
    </message>
    <message>
        <source>Argument line %1</source>
        <translation>인수 %1번째 줄</translation>
    </message>
    <message>
        <source>&amp;Packet:</source>
        <translation>패킷(&amp;P):</translation>
    </message>
    <message>
        <source>&amp;Namespace:</source>
        <translation>네임스페이스(&amp;N):</translation>
    </message>
    <message>
        <source>&amp;Event:</source>
        <translation>이벤트(&amp;E):</translation>
    </message>
    <message>
        <source>&amp;Arguments:</source>
        <translation>인수(&amp;A):</translation>
    </message>
    <message>
        <source>Ask for an ac&amp;knowledgement (numbered ack id)</source>
        <translation>확인 응답 요청 (번호 매긴 ack id)(&amp;K)</translation>
    </message>
    <message>
        <source>&quot;/&quot; is the main namespace; others, like /admin, must be connected first.</source>
        <translation>&quot;/&quot;는 기본 네임스페이스입니다. /admin 같은 다른 네임스페이스는 먼저 연결해야 합니다.</translation>
    </message>
    <message>
        <source>One JSON value per line, e.g. {&quot;text&quot;: &quot;hi&quot;}</source>
        <translation>한 줄에 JSON 값 하나, 예: {&quot;text&quot;: &quot;hi&quot;}</translation>
    </message>
    <message>
        <source>Each line is one argument of the event, in order.</source>
        <translation>각 줄이 순서대로 이벤트의 인수 하나입니다.</translation>
    </message>
    <message>
        <source>Sent over Engine.IO 4 as a message packet (&quot;4&quot; then the Socket.IO packet).</source>
        <translation>Engine.IO 4 위에서 message 패킷(&quot;4&quot; 다음에 Socket.IO 패킷)으로 보냅니다.</translation>
    </message>
</context>
<context>
    <name>wsi::StompForm</name>
    <message>
        <source>Each extra header is a line &quot;name:value&quot;; &quot;%1&quot; is not.</source>
        <translation>추가 헤더는 한 줄에 &quot;name:value&quot; 하나입니다. &quot;%1&quot;은(는) 그렇지 않습니다.</translation>
    </message>
    <message>
        <source>Enter the destination.</source>
        <translation>destination을 입력하십시오.</translation>
    </message>
    <message>
        <source>Enter the id of the message to acknowledge (its ack header).</source>
        <translation>확인할 메시지의 id(그 메시지의 ack 헤더)를 입력하십시오.</translation>
    </message>
    <message>
        <source>Enter the subscription id.</source>
        <translation>구독 id를 입력하십시오.</translation>
    </message>
    <message>
        <source>&amp;Command:</source>
        <translation>명령(&amp;C):</translation>
    </message>
    <message>
        <source>&amp;Destination:</source>
        <translation>Destination(&amp;D):</translation>
    </message>
    <message>
        <source>&amp;Id:</source>
        <translation>Id(&amp;I):</translation>
    </message>
    <message>
        <source>&amp;Ack mode:</source>
        <translation>Ack 모드(&amp;A):</translation>
    </message>
    <message>
        <source>&amp;Host:</source>
        <translation>호스트(&amp;H):</translation>
    </message>
    <message>
        <source>&amp;Login:</source>
        <translation>로그인(&amp;L):</translation>
    </message>
    <message>
        <source>Pass&amp;code:</source>
        <translation>암호(&amp;C):</translation>
    </message>
    <message>
        <source>Content &amp;type:</source>
        <translation>Content-type(&amp;T):</translation>
    </message>
    <message>
        <source>E&amp;xtra headers:</source>
        <translation>추가 헤더(&amp;X):</translation>
    </message>
    <message>
        <source>&amp;Body:</source>
        <translation>본문(&amp;B):</translation>
    </message>
    <message>
        <source>SUBSCRIBE and UNSUBSCRIBE: the subscription id; ACK and NACK: the ack header of the MESSAGE being acknowledged.</source>
        <translation>SUBSCRIBE와 UNSUBSCRIBE: 구독 id, ACK와 NACK: 확인할 MESSAGE의 ack 헤더.</translation>
    </message>
    <message>
        <source>name:value, one per line (receipt:r1...)</source>
        <translation>한 줄에 name:value 하나 (receipt:r1...)</translation>
    </message>
    <message>
        <source>Escaped as STOMP 1.2 says (\n, \r, \c, \\), except in CONNECT.</source>
        <translation>CONNECT를 빼고 STOMP 1.2대로 이스케이프합니다(\n, \r, \c, \\).</translation>
    </message>
    <message>
        <source>Sent as UTF-8 with a content-length header, then the NUL that ends the frame.</source>
        <translation>UTF-8로 content-length 헤더와 함께 보내고, 프레임을 끝내는 NUL을 붙입니다.</translation>
    </message>
</context>
<context>
    <name>wsi::GraphqlForm</name>
    <message>
        <source>Variables</source>
        <translation>Variables</translation>
    </message>
    <message>
        <source>Variables are a JSON object.</source>
        <translation>variables는 JSON 객체입니다.</translation>
    </message>
    <message>
        <source>Enter the id of the subscription to complete.</source>
        <translation>완료할 구독의 id를 입력하십시오.</translation>
    </message>
    <message>
        <source>Enter the GraphQL document (query, mutation or subscription).</source>
        <translation>GraphQL 문서(query, mutation 또는 subscription)를 입력하십시오.</translation>
    </message>
    <message>
        <source>P&amp;rotocol:</source>
        <translation>프로토콜(&amp;R):</translation>
    </message>
    <message>
        <source>&amp;Message:</source>
        <translation>메시지(&amp;M):</translation>
    </message>
    <message>
        <source>&amp;Id:</source>
        <translation>Id(&amp;I):</translation>
    </message>
    <message>
        <source>&amp;Operation name:</source>
        <translation>작업 이름(&amp;O):</translation>
    </message>
    <message>
        <source>&amp;Query:</source>
        <translation>Query(&amp;Q):</translation>
    </message>
    <message>
        <source>&amp;Payload:</source>
        <translation>페이로드(&amp;P):</translation>
    </message>
    <message>
        <source>&amp;Variables:</source>
        <translation>Variables(&amp;V):</translation>
    </message>
    <message>
        <source>graphql-transport-ws (the graphql-ws library) or the older subscriptions-transport-ws (Apollo, subprotocol &quot;graphql-ws&quot;).</source>
        <translation>graphql-transport-ws(graphql-ws 라이브러리) 또는 이전의 subscriptions-transport-ws(Apollo, 서브프로토콜 &quot;graphql-ws&quot;)입니다.</translation>
    </message>
    <message>
        <source>empty: the next number (complete: the last subscription)</source>
        <translation>비워 두면 다음 번호 (complete: 마지막 구독)</translation>
    </message>
    <message>
        <source>a JSON object, or empty</source>
        <translation>JSON 객체, 또는 비워 둠</translation>
    </message>
</context>
<context>
    <name>wsi::ProtocolComposerPanel</name>
    <message>
        <source>Detected on this connection: %1</source>
        <translation>이 연결에서 감지됨: %1</translation>
    </message>
    <message>
        <source>Preview:</source>
        <translation>미리 보기:</translation>
    </message>
    <message numerus="yes">
        <source>Preview (%n byte(s), binary message, hex):</source>
        <translation>
            <numerusform>미리 보기 (%n바이트, 바이너리 메시지, 16진수):</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Preview (%n byte(s), text message):</source>
        <translation>
            <numerusform>미리 보기 (%n바이트, 텍스트 메시지):</numerusform>
        </translation>
    </message>
    <message>
        <source>Send this message (Ctrl+Enter)</source>
        <translation>이 메시지 보내기 (Ctrl+Enter)</translation>
    </message>
    <message>
        <source>Connect first: the connection is not open.</source>
        <translation>먼저 연결하십시오: 연결이 열려 있지 않습니다.</translation>
    </message>
    <message>
        <source>P&amp;rotocol:</source>
        <translation>프로토콜(&amp;R):</translation>
    </message>
    <message>
        <source>Build a message from the protocol&apos;s fields. Follows the protocol detected on the connection until you choose one.</source>
        <translation>프로토콜의 필드로 메시지를 만듭니다. 직접 고르기 전까지는 연결에서 감지한 프로토콜을 따릅니다.</translation>
    </message>
    <message>
        <source>&amp;Send</source>
        <translation>보내기(&amp;S)</translation>
    </message>
</context>
<context>
    <name>wsi::WireRecorder</name>
    <message>
        <source>The client&apos;s compressed message could not be inflated: %1</source>
        <translation>클라이언트의 압축된 메시지를 압축 해제할 수 없습니다: %1</translation>
    </message>
    <message>
        <source>The server&apos;s compressed message could not be inflated: %1</source>
        <translation>서버의 압축된 메시지를 압축 해제할 수 없습니다: %1</translation>
    </message>
    <message>
        <source>The server&apos;s permessage-deflate answer breaks a rule: %1</source>
        <translation>서버의 permessage-deflate 응답이 규칙을 어겼습니다: %1</translation>
    </message>
    <message>
        <source>The upgrade request could not be parsed: %1</source>
        <translation>업그레이드 요청을 해석할 수 없습니다: %1</translation>
    </message>
    <message>
        <source>The server&apos;s answer to the upgrade is not valid HTTP: %1</source>
        <translation>업그레이드에 대한 서버 응답이 올바른 HTTP가 아닙니다: %1</translation>
    </message>
    <message>
        <source>The server answered the upgrade with %1 %2 instead of 101 Switching Protocols. %3</source>
        <translation>서버가 업그레이드 요청에 101 Switching Protocols 대신 %1 %2(으)로 응답했습니다. %3</translation>
    </message>
    <message numerus="yes">
        <source> The response has a %n-byte body.</source>
        <translation>
            <numerusform> 응답 본문은 %n바이트입니다.</numerusform>
        </translation>
    </message>
    <message>
        <source>The 101 response breaks the WebSocket handshake rules. %1</source>
        <translation>101 응답이 WebSocket 핸드셰이크 규칙을 어겼습니다. %1</translation>
    </message>
    <message>
        <source>The server broke the WebSocket protocol: %1</source>
        <translation>서버가 WebSocket 프로토콜을 어겼습니다: %1</translation>
    </message>
    <message>
        <source>The client broke the WebSocket protocol: %1</source>
        <translation>클라이언트가 WebSocket 프로토콜을 어겼습니다: %1</translation>
    </message>
    <message>
        <source>The server answered the upgrade with %1 %2 instead of 101 Switching Protocols.</source>
        <translation>서버가 업그레이드 요청에 101 Switching Protocols 대신 %1 %2(으)로 응답했습니다.</translation>
    </message>
    <message>
        <source>after inflating</source>
        <translation>압축 해제 후</translation>
    </message>
</context>
<context>
    <name>wsi::Gui</name>
    <message>
        <source>WS Inspector: see WebSocket handshakes and frames as they cross the wire.</source>
        <translation>WS Inspector: WebSocket 핸드셰이크와 프레임을 전송되는 그대로 봅니다.</translation>
    </message>
    <message>
        <source>Connect to &lt;url&gt; as soon as the window opens.</source>
        <translation>창이 열리자마자 &lt;url&gt;에 연결합니다.</translation>
    </message>
    <message>
        <source>Same as --connect (used by the desktop file).</source>
        <translation>--connect와 같습니다 (데스크톱 파일이 사용).</translation>
    </message>
    <message>
        <source>Start the reverse proxy to the WebSocket server at &lt;url&gt; as the window opens, listening where --proxy-at says, else where the Proxy panel remembers.</source>
        <translation>창이 열릴 때 &lt;url&gt;의 WebSocket 서버로 가는 리버스 프록시를 시작합니다. --proxy-at이 지정한 곳에서, 없으면 프록시 패널이 기억하는 곳에서 대기합니다.</translation>
    </message>
    <message>
        <source>Where the reverse proxy of --proxy listens: [host:]port (host 127.0.0.1 unless given).</source>
        <translation>--proxy의 리버스 프록시가 대기할 곳: [host:]port (host를 주지 않으면 127.0.0.1).</translation>
    </message>
    <message>
        <source>Start the forward HTTP proxy for browsers and apps on [host:]port as the window opens (host 127.0.0.1 unless given).</source>
        <translation>창이 열릴 때 브라우저와 앱을 위한 포워드 HTTP 프록시를 [host:]port에서 시작합니다 (host를 주지 않으면 127.0.0.1).</translation>
    </message>
    <message>
        <source>--proxy and --forward-proxy cannot be used together: one proxy runs at a time.</source>
        <translation>--proxy와 --forward-proxy는 함께 쓸 수 없습니다: 프록시는 한 번에 하나만 실행됩니다.</translation>
    </message>
    <message>
        <source>--proxy-at says where the reverse proxy of --proxy listens; give --proxy &lt;url&gt; too (the forward proxy takes its address as --forward-proxy [host:]port).</source>
        <translation>--proxy-at은 --proxy의 리버스 프록시가 대기할 곳을 정합니다. --proxy &lt;url&gt;도 함께 주세요 (포워드 프록시는 주소를 --forward-proxy [host:]port로 받습니다).</translation>
    </message>
    <message>
        <source>Start the test server on [host:]port as the window opens (host 127.0.0.1 unless given; the rest as the Test Server panel remembers it).</source>
        <translation>창이 열릴 때 [host:]port에서 테스트 서버를 시작합니다 (host를 주지 않으면 127.0.0.1, 나머지는 테스트 서버 패널이 기억하는 대로).</translation>
    </message>
</context>
<context>
    <name>wsi::LearnDock</name>
    <message>
        <source>Learn</source>
        <translation>배우기</translation>
    </message>
    <message>
        <source>&amp;Learn WebSocket</source>
        <translation>WebSocket 배우기(&amp;L)</translation>
    </message>
    <message>
        <source>Short lessons that show how WebSocket works on this window (Ctrl+Shift+L)</source>
        <translation>이 창에서 WebSocket이 어떻게 동작하는지 보여 주는 짧은 강의 (Ctrl+Shift+L)</translation>
    </message>
</context>
<context>
    <name>wsi::LearnPanel</name>
    <message>
        <source>%1. %2</source>
        <translation>%1. %2</translation>
    </message>
    <message>
        <source>The lessons, in the order they build on each other</source>
        <translation>앞 강의를 바탕으로 이어지는 순서의 강의 목록</translation>
    </message>
    <message>
        <source>&amp;Run</source>
        <translation>실행(&amp;R)</translation>
    </message>
    <message>
        <source>Run the lesson against the built-in test server, step by step</source>
        <translation>내장 테스트 서버를 상대로 강의를 한 단계씩 실행합니다</translation>
    </message>
    <message>
        <source>S&amp;top</source>
        <translation>중지(&amp;T)</translation>
    </message>
    <message>
        <source>Stop the lesson where it is; what it opened stays</source>
        <translation>강의를 지금 단계에서 멈춥니다. 강의가 연 연결은 그대로 남습니다</translation>
    </message>
    <message>
        <source>Step %1 of %2</source>
        <translation>%2단계 중 %1단계</translation>
    </message>
    <message>
        <source>Stopped: %1</source>
        <translation>중지됨: %1</translation>
    </message>
    <message>
        <source>Done. Run it again, or pick the next lesson.</source>
        <translation>끝났습니다. 다시 실행하거나 다음 강의를 고르세요.</translation>
    </message>
    <message>
        <source>Press Run to see it happen in the window.</source>
        <translation>실행을 누르면 창에서 직접 볼 수 있습니다.</translation>
    </message>
</context>
<context>
    <name>wsi::LessonRunner</name>
    <message>
        <source>Nothing happened for %1 seconds.</source>
        <translation>%1초 동안 아무 일도 일어나지 않았습니다.</translation>
    </message>
    <message>
        <source>The lesson&apos;s connection is not open.</source>
        <translation>강의의 연결이 열려 있지 않습니다.</translation>
    </message>
    <message>
        <source>Before: %1 kB resident, %2 open descriptors.</source>
        <translation>측정 전: 상주 메모리 %1 kB, 열린 디스크립터 %2개.</translation>
    </message>
    <message>
        <source>After %1 idle clients: %2 kB resident (%3 kB per connection), %4 open descriptors (%5 per connection).</source>
        <translation>유휴 클라이언트 %1개를 연 뒤: 상주 메모리 %2 kB(연결당 %3 kB), 열린 디스크립터 %4개(연결당 %5개).</translation>
    </message>
    <message>
        <source>The test server could not start.</source>
        <translation>테스트 서버를 시작할 수 없습니다.</translation>
    </message>
    <message>
        <source>The test server is not running.</source>
        <translation>테스트 서버가 실행 중이 아닙니다.</translation>
    </message>
    <message>
        <source>The connection could not be opened.</source>
        <translation>연결을 열 수 없습니다.</translation>
    </message>
    <message>
        <source>Hello from the Learn panel</source>
        <translation>배우기 패널에서 보낸 메시지입니다</translation>
    </message>
    <message>
        <source>The server&apos;s side of the connection is gone.</source>
        <translation>연결의 서버 쪽이 이미 없습니다.</translation>
    </message>
    <message>
        <source>Auto-reconnect is not on for this connection.</source>
        <translation>이 연결에는 자동 재연결이 켜져 있지 않습니다.</translation>
    </message>
</context>
<context>
    <name>SaveMessagePrompt</name>
    <message>
        <source>Save Message</source>
        <translation>메시지 저장</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>이름:</translation>
    </message>
    <message>
        <source>Global (every endpoint)</source>
        <translation>전역 (모든 엔드포인트)</translation>
    </message>
    <message>
        <source>Only %1</source>
        <translation>%1에서만</translation>
    </message>
    <message>
        <source>Show it for:</source>
        <translation>표시할 곳:</translation>
    </message>
</context>
<context>
    <name>WindowLessonHost</name>
    <message>
        <source>The test server is running with wss; stop it, and the lesson starts a ws one.</source>
        <translation>테스트 서버가 wss로 실행 중입니다. 서버를 중지하면 강의가 ws 서버를 시작합니다.</translation>
    </message>
    <message>
        <source>No certificate for wss: the app&apos;s CA is not available. %1</source>
        <translation>wss용 인증서가 없습니다: 앱의 CA를 쓸 수 없습니다. %1</translation>
    </message>
</context>
<context>
    <name>wsi::LessonCatalog</name>
    <message>
        <source>Why WebSocket</source>
        <translation>왜 WebSocket인가</translation>
    </message>
    <message>
        <source>HTTP is request and response: the client asks, the server answers, and the server can never speak first. This lesson walks through the ways around it and what each one costs.</source>
        <translation>HTTP는 요청과 응답입니다. 클라이언트가 묻고 서버가 답할 뿐, 서버가 먼저 말을 걸 수는 없습니다. 이 강의에서는 이를 우회하는 방법들과 각각의 비용을 살펴봅니다.</translation>
    </message>
    <message>
        <source>HTTP: the client sends a request and the server sends one response. Between requests the server has no way to reach the client.</source>
        <translation>HTTP: 클라이언트가 요청을 보내면 서버는 응답을 하나 보냅니다. 요청과 요청 사이에는 서버가 클라이언트에게 연락할 방법이 없습니다.</translation>
    </message>
    <message>
        <source>Polling: the client asks again every few seconds. Most answers are empty, and a message waits for the next request (up to one interval of latency).</source>
        <translation>폴링: 클라이언트가 몇 초마다 다시 묻습니다. 응답은 대부분 비어 있고, 메시지는 다음 요청이 올 때까지 기다립니다(최대 한 주기만큼의 지연 시간).</translation>
    </message>
    <message>
        <source>Long polling: the server holds the request until it has something to say. Under many messages it turns back into polling: one request per message.</source>
        <translation>롱 폴링: 서버가 보낼 것이 생길 때까지 요청을 붙잡아 둡니다. 메시지가 많아지면 결국 폴링으로 돌아갑니다. 메시지 하나에 요청 하나입니다.</translation>
    </message>
    <message>
        <source>Streaming: the server keeps one response open and keeps writing to it (chunked or text/event-stream). It goes one way only: to send, the client still makes separate requests.</source>
        <translation>스트리밍: 서버가 응답 하나를 열어 둔 채 계속 씁니다(chunked 또는 text/event-stream). 한 방향으로만 흐르므로, 클라이언트가 보내려면 여전히 별도의 요청을 해야 합니다.</translation>
    </message>
    <message>
        <source>Each of them repeats the HTTP headers (often several hundred bytes, cookies included) for a few bytes of data. A WebSocket frame header is 2 to 14 bytes.</source>
        <translation>어느 방식이든 몇 바이트의 데이터를 위해 HTTP 헤더(쿠키를 포함해 보통 수백 바이트)를 매번 되풀이합니다. WebSocket 프레임 헤더는 2~14바이트입니다.</translation>
    </message>
    <message>
        <source>WebSocket: one HTTP request upgrades the TCP connection, and from then on both sides send frames whenever they like. The next lessons show it on a real connection.</source>
        <translation>WebSocket: HTTP 요청 한 번으로 TCP 연결을 업그레이드하고, 그 뒤로는 양쪽이 원할 때 언제든 프레임을 보냅니다. 다음 강의에서 실제 연결로 확인합니다.</translation>
    </message>
    <message>
        <source>The opening handshake</source>
        <translation>여는 핸드셰이크</translation>
    </message>
    <message>
        <source>A WebSocket starts as an HTTP request. This lesson connects to the test server and walks through the Handshake tab, header by header.</source>
        <translation>WebSocket은 HTTP 요청으로 시작합니다. 이 강의에서는 테스트 서버에 연결한 뒤 핸드셰이크 탭을 헤더 하나하나 짚어 봅니다.</translation>
    </message>
    <message>
        <source>Start the test server on loopback (the Test Server panel shows its URL).</source>
        <translation>루프백에서 테스트 서버를 시작합니다(테스트 서버 패널에 URL이 표시됩니다).</translation>
    </message>
    <message>
        <source>Connect a client to it. The new connection is selected in the list on the left.</source>
        <translation>클라이언트를 연결합니다. 새 연결이 왼쪽 목록에서 선택됩니다.</translation>
    </message>
    <message>
        <source>The Handshake tab: the request the client sent, and the response the server sent back.</source>
        <translation>핸드셰이크 탭: 클라이언트가 보낸 요청과 서버가 돌려준 응답입니다.</translation>
    </message>
    <message>
        <source>Origin: the page the request comes from. Browsers always send it; a server checks it to refuse other sites.</source>
        <translation>Origin: 요청을 보낸 페이지의 출처입니다. 브라우저는 항상 보내고, 서버는 이 값을 확인해 다른 사이트의 요청을 거부합니다.</translation>
    </message>
    <message>
        <source>Connection: Upgrade: this request asks to change the protocol of this TCP connection.</source>
        <translation>Connection: Upgrade: 이 TCP 연결의 프로토콜을 바꾸자는 요청입니다.</translation>
    </message>
    <message>
        <source>Upgrade: websocket: the protocol it asks for.</source>
        <translation>Upgrade: websocket: 바꾸려는 프로토콜입니다.</translation>
    </message>
    <message>
        <source>Sec-WebSocket-Key: 16 random bytes in base64, new for every connection. It proves that the server understood a WebSocket request; it is not a security measure.</source>
        <translation>Sec-WebSocket-Key: 연결마다 새로 만드는 무작위 16바이트를 base64로 인코딩한 값입니다. 서버가 WebSocket 요청을 이해했는지 확인하는 용도일 뿐, 보안 장치는 아닙니다.</translation>
    </message>
    <message>
        <source>Sec-WebSocket-Version: 13, the version of RFC 6455.</source>
        <translation>Sec-WebSocket-Version: 13, RFC 6455의 버전입니다.</translation>
    </message>
    <message>
        <source>The response status, 101 Switching Protocols: from here on the connection carries WebSocket frames, not HTTP.</source>
        <translation>응답 상태 101 Switching Protocols: 이제부터 이 연결로는 HTTP가 아니라 WebSocket 프레임이 오갑니다.</translation>
    </message>
    <message>
        <source>Sec-WebSocket-Accept: the server&apos;s answer to the key.</source>
        <translation>Sec-WebSocket-Accept: 키에 대한 서버의 답입니다.</translation>
    </message>
    <message>
        <source>Below the headers, the Accept computation: the key followed by the fixed GUID 258EAFA5-E914-47DA-95CA-C5AB0DC85B11, hashed with SHA-1 and encoded in base64. The client checks that the server&apos;s value matches.</source>
        <translation>헤더 아래에는 Accept 계산이 있습니다. 키 뒤에 고정 GUID 258EAFA5-E914-47DA-95CA-C5AB0DC85B11을 붙여 SHA-1로 해시하고 base64로 인코딩합니다. 클라이언트는 서버가 보낸 값이 이와 같은지 확인합니다.</translation>
    </message>
    <message>
        <source>ws and wss</source>
        <translation>ws와 wss</translation>
    </message>
    <message>
        <source>wss is WebSocket over TLS, as https is HTTP over TLS. This lesson opens a wss connection to a local TLS test server and shows its TLS pane.</source>
        <translation>https가 TLS 위의 HTTP이듯, wss는 TLS 위의 WebSocket입니다. 이 강의에서는 로컬 TLS 테스트 서버에 wss로 연결하고 TLS 창을 살펴봅니다.</translation>
    </message>
    <message>
        <source>ws:// sends everything as plain text: anyone on the path can read and change the frames. wss:// first sets up TLS on the TCP connection, then runs the same handshake inside it.</source>
        <translation>ws://는 모든 것을 평문으로 보내므로 경로상의 누구든 프레임을 읽고 바꿀 수 있습니다. wss://는 먼저 TCP 연결 위에 TLS를 맺고, 그 안에서 같은 핸드셰이크를 진행합니다.</translation>
    </message>
    <message>
        <source>Start a wss test server on loopback. Its certificate is issued by WS Inspector&apos;s own certificate authority, which this client trusts.</source>
        <translation>루프백에서 wss 테스트 서버를 시작합니다. 인증서는 WS Inspector 자체 인증 기관(CA)이 발급하며, 이 클라이언트는 그 CA를 신뢰합니다.</translation>
    </message>
    <message>
        <source>Connect to it with wss://.</source>
        <translation>wss://로 연결합니다.</translation>
    </message>
    <message>
        <source>In the Handshake tab, the TLS pane shows the TLS version, the cipher and the certificate chain the server presented. The upgrade request inside is the same as with ws.</source>
        <translation>핸드셰이크 탭의 TLS 창에 TLS 버전, 암호 스위트, 서버가 제시한 인증서 체인이 표시됩니다. 그 안의 업그레이드 요청은 ws와 똑같습니다.</translation>
    </message>
    <message>
        <source>On port 443, wss also passes proxies and firewalls that would break a plain ws upgrade.</source>
        <translation>443 포트의 wss는 일반 ws 업그레이드를 망가뜨리는 프록시와 방화벽도 통과합니다.</translation>
    </message>
    <message>
        <source>The four events</source>
        <translation>네 가지 이벤트</translation>
    </message>
    <message>
        <source>A WebSocket API has four events: OPEN, MESSAGE, ERROR and CLOSE. This lesson sends, pings and closes, and selects each row of the log as it appears.</source>
        <translation>WebSocket API의 이벤트는 OPEN, MESSAGE, ERROR, CLOSE 네 가지입니다. 이 강의에서는 메시지와 핑을 보내고 연결을 닫으면서, 로그에 행이 나타날 때마다 그 행을 선택해 보여 줍니다.</translation>
    </message>
    <message>
        <source>Start the test server (it echoes every message).</source>
        <translation>테스트 서버를 시작합니다(받은 메시지를 모두 그대로 돌려보냅니다).</translation>
    </message>
    <message>
        <source>The Messages tab lists every event of the selected connection.</source>
        <translation>메시지 탭에는 선택한 연결의 모든 이벤트가 나열됩니다.</translation>
    </message>
    <message>
        <source>OPEN: the handshake succeeded and the connection is open. Look at the selected row.</source>
        <translation>OPEN: 핸드셰이크가 성공해 연결이 열렸습니다. 선택된 행을 보세요.</translation>
    </message>
    <message>
        <source>MESSAGE: the client sends a text message and the server echoes it: one row out, one row in.</source>
        <translation>MESSAGE: 클라이언트가 텍스트 메시지를 보내면 서버가 그대로 돌려보냅니다. 보냄 행 하나, 받음 행 하나입니다.</translation>
    </message>
    <message>
        <source>A Ping and its Pong are control frames: the API has no event for them. They keep the connection alive and measure the round trip.</source>
        <translation>Ping과 그에 대한 Pong은 제어 프레임이라 API에는 해당 이벤트가 없습니다. 연결을 유지하고 왕복 시간을 재는 데 쓰입니다.</translation>
    </message>
    <message>
        <source>CLOSE: the client sends Close 1000 and the server answers with its own Close frame; the connection ends cleanly.</source>
        <translation>CLOSE: 클라이언트가 Close 1000을 보내고 서버가 자신의 Close 프레임으로 답하면 연결이 정상 종료됩니다.</translation>
    </message>
    <message>
        <source>ERROR: fired when something fails (a refused handshake, a broken frame, a dropped connection), and always followed by CLOSE. The next lesson makes one happen.</source>
        <translation>ERROR: 무언가 실패했을 때(거부된 핸드셰이크, 깨진 프레임, 끊긴 연결) 발생하며, 항상 뒤이어 CLOSE가 옵니다. 다음 강의에서 직접 일으켜 봅니다.</translation>
    </message>
    <message>
        <source>Why it dropped</source>
        <translation>왜 끊겼을까</translation>
    </message>
    <message>
        <source>When a connection ends, the close code says why, unless no Close frame arrived. This lesson closes one connection cleanly and has the server drop another.</source>
        <translation>연결이 끝나면 종료 코드가 그 이유를 알려 줍니다. 단, Close 프레임이 도착했을 때의 이야기입니다. 이 강의에서는 연결 하나를 정상 종료하고, 다른 하나는 서버 쪽에서 끊습니다.</translation>
    </message>
    <message>
        <source>Start the test server.</source>
        <translation>테스트 서버를 시작합니다.</translation>
    </message>
    <message>
        <source>The Messages tab: the last row of a connection says how it ended.</source>
        <translation>메시지 탭: 연결의 마지막 행이 연결이 어떻게 끝났는지 알려 줍니다.</translation>
    </message>
    <message>
        <source>Connect a client.</source>
        <translation>클라이언트를 연결합니다.</translation>
    </message>
    <message>
        <source>Close it cleanly: both sides send a Close frame. The status line and the last row of the log say 1000, closed by the client.</source>
        <translation>정상적으로 닫습니다. 양쪽 모두 Close 프레임을 보냅니다. 상태 표시줄과 로그의 마지막 행에 1000, 클라이언트가 닫음이 표시됩니다.</translation>
    </message>
    <message>
        <source>Connect again.</source>
        <translation>다시 연결합니다.</translation>
    </message>
    <message>
        <source>Now the server drops the TCP connection without a Close frame, as a crashed process or a lost network would. The client reports 1006, abnormal closure.</source>
        <translation>이번에는 서버가 Close 프레임 없이 TCP 연결을 끊습니다. 프로세스가 죽거나 네트워크가 끊겼을 때와 같습니다. 클라이언트는 1006, 비정상 종료를 보고합니다.</translation>
    </message>
    <message>
        <source>1006 never travels on the wire: it only says that no Close frame arrived. The cause has to be found elsewhere: the server&apos;s logs, a proxy&apos;s idle timeout, the network.</source>
        <translation>1006은 와이어로 전송되는 코드가 아닙니다. Close 프레임이 오지 않았다는 뜻일 뿐입니다. 원인은 다른 곳에서 찾아야 합니다. 서버 로그, 프록시의 유휴 시간 초과, 네트워크 등입니다.</translation>
    </message>
    <message>
        <source>Reconnect</source>
        <translation>재연결</translation>
    </message>
    <message>
        <source>A WebSocket never reconnects by itself: the application has to. This lesson turns auto-reconnect on, drops the connection and shows the backoff.</source>
        <translation>WebSocket은 스스로 재연결하지 않습니다. 애플리케이션이 해야 합니다. 이 강의에서는 자동 재연결을 켜고 연결을 끊은 뒤 백오프를 보여 줍니다.</translation>
    </message>
    <message>
        <source>Connect with auto-reconnect on (the first wait is 2 seconds and doubles after each failure).</source>
        <translation>자동 재연결을 켜고 연결합니다(첫 대기는 2초이며 실패할 때마다 두 배가 됩니다).</translation>
    </message>
    <message>
        <source>The server drops the connection. Above the log, the reconnect strip counts down to the next attempt.</source>
        <translation>서버가 연결을 끊습니다. 로그 위의 재연결 표시줄이 다음 시도까지 남은 시간을 셉니다.</translation>
    </message>
    <message>
        <source>The next attempt opens a new connection in the same group. Every failed attempt doubles the wait, with jitter, so that many clients do not all come back at the same moment.</source>
        <translation>다음 시도는 같은 그룹에 새 연결을 엽니다. 시도가 실패할 때마다 대기 시간이 지터와 함께 두 배로 늘어나므로, 많은 클라이언트가 한꺼번에 돌아오지 않습니다.</translation>
    </message>
    <message>
        <source>The lesson closes the connection: a close the user asked for is never reconnected.</source>
        <translation>강의가 연결을 닫습니다. 사용자가 요청한 종료 뒤에는 재연결하지 않습니다.</translation>
    </message>
    <message>
        <source>Open 50 idle clients. Each one is two sockets in this process: the client&apos;s and the server&apos;s.</source>
        <translation>유휴 클라이언트 50개를 엽니다. 하나마다 이 프로세스 안에 소켓이 두 개씩 생깁니다. 클라이언트 쪽과 서버 쪽입니다.</translation>
    </message>
    <message>
        <source>Many connections</source>
        <translation>많은 연결</translation>
    </message>
    <message>
        <source>Every open WebSocket holds a socket and buffers at both ends, even when idle. This lesson opens idle clients to the test server and measures this process, which is both the clients and the server.</source>
        <translation>열린 WebSocket은 아무것도 하지 않을 때도 양쪽 끝에서 소켓과 버퍼를 차지합니다. 이 강의에서는 테스트 서버에 유휴 클라이언트를 열고, 클라이언트이자 서버인 이 프로세스를 측정합니다.</translation>
    </message>
    <message>
        <source>Measure this process&apos;s resident memory (VmRSS) and its open file descriptors.</source>
        <translation>이 프로세스의 상주 메모리(VmRSS)와 열린 파일 디스크립터 수를 측정합니다.</translation>
    </message>
    <message>
        <source>Measure again: the difference per connection is what an idle WebSocket costs here. A server with 100,000 clients pays it 100,000 times, and needs a descriptor for each (ulimit -n).</source>
        <translation>다시 측정합니다. 연결당 차이가 여기서 유휴 WebSocket 하나의 비용입니다. 클라이언트가 10만 개인 서버는 이 비용을 10만 번 치르고, 연결마다 디스크립터가 하나씩 필요합니다(ulimit -n).</translation>
    </message>
    <message>
        <source>Close the idle clients.</source>
        <translation>유휴 클라이언트를 닫습니다.</translation>
    </message>
</context>
<context>
    <name>wsi::TransportComparison</name>
    <message>
        <source>The client did not connect within %1 ms.</source>
        <translation>클라이언트가 %1 ms 안에 연결하지 못했습니다.</translation>
    </message>
    <message>
        <source>Not every message arrived in time.</source>
        <translation>모든 메시지가 제시간에 도착하지 않았습니다.</translation>
    </message>
    <message>
        <source>Not every message arrived.</source>
        <translation>모든 메시지가 도착하지는 않았습니다.</translation>
    </message>
</context>
<context>
    <name>wsi::TransportResultModel</name>
    <message>
        <source>Polling</source>
        <translation>폴링</translation>
    </message>
    <message>
        <source>Long polling</source>
        <translation>롱 폴링</translation>
    </message>
    <message>
        <source>Streaming</source>
        <translation>스트리밍</translation>
    </message>
    <message>
        <source>WebSocket</source>
        <translation>WebSocket</translation>
    </message>
    <message>
        <source>The client asks again and again whether there is news; most answers are empty, and news waits for the next question.</source>
        <translation>클라이언트가 새 소식이 있는지 계속 묻습니다. 대부분의 응답은 비어 있고, 새 소식은 다음 질문까지 기다려야 합니다.</translation>
    </message>
    <message>
        <source>The server holds each question until there is news, then the client asks again at once: fast, but every message costs a whole request.</source>
        <translation>서버가 새 소식이 생길 때까지 질문을 붙잡아 두고, 클라이언트는 응답을 받자마자 다시 묻습니다. 빠르지만 메시지마다 요청 하나가 통째로 듭니다.</translation>
    </message>
    <message>
        <source>One response that never ends carries the news as it happens, but the client must open separate requests to talk back.</source>
        <translation>끝나지 않는 응답 하나가 새 소식을 생기는 대로 실어 나릅니다. 하지만 클라이언트가 말을 하려면 요청을 따로 보내야 합니다.</translation>
    </message>
    <message>
        <source>One connection, upgraded once, carries messages both ways with a few bytes of framing each.</source>
        <translation>한 번 업그레이드한 연결 하나로 양방향 메시지를 보내고, 메시지마다 프레임 헤더 몇 바이트만 붙습니다.</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%2개 중 %1개</translation>
    </message>
    <message>
        <source>Transport</source>
        <translation>전송 방식</translation>
    </message>
    <message>
        <source>HTTP requests</source>
        <translation>HTTP 요청</translation>
    </message>
    <message>
        <source>TCP connections</source>
        <translation>TCP 연결</translation>
    </message>
    <message>
        <source>Header bytes</source>
        <translation>헤더 바이트</translation>
    </message>
    <message>
        <source>Payload bytes</source>
        <translation>페이로드 바이트</translation>
    </message>
    <message>
        <source>Total bytes</source>
        <translation>전체 바이트</translation>
    </message>
    <message>
        <source>Latency p50</source>
        <translation>지연 시간 p50</translation>
    </message>
    <message>
        <source>Latency p95</source>
        <translation>지연 시간 p95</translation>
    </message>
    <message>
        <source>Delivered</source>
        <translation>전달됨</translation>
    </message>
    <message>
        <source>In plain words</source>
        <translation>쉽게 말하면</translation>
    </message>
</context>
<context>
    <name>wsi::TransportChart</name>
    <message>
        <source>HTTP requests (TCP connections)</source>
        <translation>HTTP 요청 (TCP 연결)</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Bytes on the wire: headers (solid), payload (light)</source>
        <translation>와이어 바이트: 헤더 (진하게), 페이로드 (옅게)</translation>
    </message>
    <message>
        <source>%1 + %2 B</source>
        <translation>%1 + %2 B</translation>
    </message>
    <message>
        <source>Delivery latency: p50 (solid), p95 (light)</source>
        <translation>전달 지연 시간: p50 (진하게), p95 (옅게)</translation>
    </message>
    <message>
        <source>%1 / %2 ms</source>
        <translation>%1 / %2 ms</translation>
    </message>
</context>
<context>
    <name>wsi::TransportComparisonView</name>
    <message>
        <source>Cancel</source>
        <translation>취소</translation>
    </message>
    <message>
        <source>Measure</source>
        <translation>측정</translation>
    </message>
    <message>
        <source>Run the workload through polling, long polling, streaming and WebSocket</source>
        <translation>작업량을 폴링, 롱 폴링, 스트리밍, WebSocket으로 차례로 보냅니다</translation>
    </message>
    <message>
        <source>Press Measure to run the comparison.</source>
        <translation>측정을 누르면 비교를 실행합니다.</translation>
    </message>
    <message>
        <source>Measuring, one transport after the other…</source>
        <translation>전송 방식을 하나씩 측정하는 중…</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>취소했습니다.</translation>
    </message>
    <message numerus="yes">
        <source>Done, but %n transport(s) did not deliver every message.</source>
        <translation>
            <numerusform>완료했지만 전송 방식 %n개가 모든 메시지를 전달하지 못했습니다.</numerusform>
        </translation>
    </message>
    <message>
        <source>Done: every transport delivered every message.</source>
        <translation>완료: 모든 전송 방식이 모든 메시지를 전달했습니다.</translation>
    </message>
</context>
<context>
    <name>TransportComparisonView</name>
    <message>
        <source>The same workload goes through four ways a server can push: the server sends messages at irregular times while the client sends some of its own. Everything below is measured on the built-in test server&apos;s sockets over loopback, not computed.</source>
        <translation>서버가 먼저 보낼 수 있는 네 가지 방식으로 같은 작업량을 보냅니다. 서버는 불규칙한 시각에 메시지를 보내고, 그동안 클라이언트도 메시지를 보냅니다. 아래 값은 모두 루프백으로 내장 테스트 서버의 소켓에서 실제로 잰 것이며, 계산한 값이 아닙니다.</translation>
    </message>
    <message>
        <source>Server messages:</source>
        <translation>서버 메시지:</translation>
    </message>
    <message>
        <source>How many messages the server pushes, at irregular times</source>
        <translation>서버가 불규칙한 시각에 보내는 메시지 수</translation>
    </message>
    <message>
        <source>Client messages:</source>
        <translation>클라이언트 메시지:</translation>
    </message>
    <message>
        <source>How many messages the client sends to the server meanwhile</source>
        <translation>그동안 클라이언트가 서버로 보내는 메시지 수</translation>
    </message>
    <message>
        <source>Duration:</source>
        <translation>시간:</translation>
    </message>
    <message>
        <source>How long each transport carries the workload</source>
        <translation>전송 방식마다 작업량을 보내는 시간</translation>
    </message>
    <message>
        <source> ms</source>
        <translation>ms</translation>
    </message>
    <message>
        <source>Polling interval:</source>
        <translation>폴링 간격:</translation>
    </message>
    <message>
        <source>How often the polling client asks the server for news</source>
        <translation>폴링 클라이언트가 서버에 새 소식을 묻는 간격</translation>
    </message>
    <message>
        <source>Request headers every HTTP request carries (paste your browser&apos;s to replace Chrome&apos;s):</source>
        <translation>모든 HTTP 요청에 붙는 요청 헤더 (Chrome의 헤더 대신 쓰려면 브라우저의 헤더를 붙여 넣으십시오):</translation>
    </message>
    <message>
        <source>Use Chrome&apos;s Headers</source>
        <translation>Chrome 헤더 사용</translation>
    </message>
    <message>
        <source>Measure</source>
        <translation>측정</translation>
    </message>
    <message>
        <source>Open in Window</source>
        <translation>창으로 열기</translation>
    </message>
    <message>
        <source>Show the table with every column and the chart in a window of their own, as large as you like</source>
        <translation>모든 열이 보이는 표와 차트를 원하는 만큼 키울 수 있는 별도 창에 보여 줍니다</translation>
    </message>
</context>
<context>
    <name>wsi::ChromiumLaunch</name>
    <message>
        <source>HTTP proxy: %1 (host %2, port %3), for http, https, ws and wss alike.
Environment: http_proxy=%1 https_proxy=%1
TLS is intercepted with WS Inspector&apos;s own CA: trust its certificate in that app only, or its key by SHA-256 (SPKI, base64): %4</source>
        <translation>HTTP 프록시: %1 (호스트 %2, 포트 %3). http, https, ws, wss 모두 이 프록시를 씁니다.
환경 변수: http_proxy=%1 https_proxy=%1
TLS는 WS Inspector 자체 CA로 가로챕니다. 그 앱에서만 이 CA의 인증서를 신뢰하게 하거나, 키의 SHA-256(SPKI, base64)으로 신뢰하게 하세요: %4</translation>
    </message>
    <message>
        <source>Chromium was not found at %1 (Debian&apos;s package: chromium).</source>
        <translation>%1에서 Chromium을 찾을 수 없습니다 (Debian 패키지: chromium).</translation>
    </message>
    <message>
        <source>No temporary profile folder could be made: %1</source>
        <translation>임시 프로필 폴더를 만들 수 없습니다: %1</translation>
    </message>
    <message>
        <source>Chromium did not start: %1</source>
        <translation>Chromium이 시작되지 않았습니다: %1</translation>
    </message>
</context>
<context>
    <name>wsi::ForwardClient</name>
    <message>
        <source>The request head is larger than %1 bytes (the proxy&apos;s limit).</source>
        <translation>요청 헤드가 %1바이트(프록시의 한도)보다 큽니다.</translation>
    </message>
    <message>
        <source>The request could not be parsed: %1</source>
        <translation>요청을 해석할 수 없습니다: %1</translation>
    </message>
    <message>
        <source>%1 port %2 is this forward proxy itself: relaying there would loop.</source>
        <translation>%1 포트 %2은(는) 이 포워드 프록시 자신입니다. 그쪽으로 중계하면 무한히 돌게 됩니다.</translation>
    </message>
    <message>
        <source>The inspector&apos;s certificate authority could not issue a certificate for %1: %2</source>
        <translation>인스펙터의 인증 기관(CA)이 %1의 인증서를 발급할 수 없습니다: %2</translation>
    </message>
    <message>
        <source>The client ended the TLS handshake for %1 (does it trust WS Inspector&apos;s CA?): %2</source>
        <translation>클라이언트가 %1의 TLS 핸드셰이크를 끝냈습니다 (WS Inspector의 CA를 신뢰하나요?): %2</translation>
    </message>
    <message>
        <source>No whole request arrived within %1 seconds: the proxy closed the connection.</source>
        <translation>%1초 안에 완전한 요청이 오지 않아 프록시가 연결을 닫았습니다.</translation>
    </message>
</context>
<context>
    <name>wsi::ForwardProxy</name>
    <message>
        <source>The inspector&apos;s certificate authority could not be loaded: %1</source>
        <translation>인스펙터의 인증 기관(CA)을 불러올 수 없습니다: %1</translation>
    </message>
    <message>
        <source>The proxy could not listen on %1 port %2: %3</source>
        <translation>프록시가 %1 포트 %2에서 대기할 수 없습니다: %3</translation>
    </message>
    <message>
        <source>CONNECT needs host:port, not &quot;%1&quot;.</source>
        <translation>CONNECT에는 host:port가 필요합니다 (&quot;%1&quot;은(는) 안 됩니다).</translation>
    </message>
    <message>
        <source>This is WS Inspector&apos;s forward proxy: it relays proxy requests (CONNECT host:port or an absolute URL) and serves nothing itself; &quot;%1&quot; names no other server.</source>
        <translation>여기는 WS Inspector의 포워드 프록시입니다. 프록시 요청(CONNECT host:port 또는 절대 URL)만 중계하고 스스로 제공하는 것은 없습니다. &quot;%1&quot;은(는) 다른 서버를 가리키지 않습니다.</translation>
    </message>
    <message>
        <source>The request target &quot;%1&quot; is not an http:// or ws:// URL.</source>
        <translation>요청 대상 &quot;%1&quot;은(는) http:// 또는 ws:// URL이 아닙니다.</translation>
    </message>
    <message>
        <source>The proxy needs an IP address to listen on.</source>
        <translation>프록시가 대기할 IP 주소가 필요합니다.</translation>
    </message>
    <message>
        <source>The request head limit must be at least 1024 bytes.</source>
        <translation>요청 헤드 한도는 1024바이트 이상이어야 합니다.</translation>
    </message>
</context>
<context>
    <name>wsi::ProxyRule</name>
    <message>
        <source>The regular expression &quot;%1&quot; is not valid: %2 (at character %3).</source>
        <translation>정규 표현식 &quot;%1&quot;이(가) 올바르지 않습니다: %2 (%3번째 문자).</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a sequence of hex bytes (two hex digits each, e.g. &quot;c0 ff ee&quot;).</source>
        <translation>&quot;%1&quot;은(는) 16진수 바이트열이 아닙니다(바이트마다 16진수 두 자리, 예: &quot;c0 ff ee&quot;).</translation>
    </message>
    <message>
        <source>&quot;%1&quot; does not start with a direction: out: (client to server) or in: (server to client).</source>
        <translation>&quot;%1&quot;이(가) 방향으로 시작하지 않습니다: out:(클라이언트에서 서버로) 또는 in:(서버에서 클라이언트로).</translation>
    </message>
    <message>
        <source>&quot;%1&quot; has no &quot;=&gt;&quot;: a replacement is written DIR:REGEX=&gt;TEXT.</source>
        <translation>&quot;%1&quot;에 &quot;=&gt;&quot;가 없습니다: 바꾸기는 DIR:REGEX=&gt;TEXT 형식으로 씁니다.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; has an empty regular expression.</source>
        <translation>&quot;%1&quot;의 정규 표현식이 비어 있습니다.</translation>
    </message>
</context>
<context>
    <name>ProxyPanel</name>
    <message>
        <source>&amp;Address:</source>
        <translation>주소(&amp;A):</translation>
    </message>
    <message>
        <source>&amp;Keep the client's Host header</source>
        <translation>클라이언트의 Host 헤더 유지(&amp;K)</translation>
    </message>
    <message>
        <source>&amp;Mode:</source>
        <translation>모드(&amp;M):</translation>
    </message>
    <message>
        <source>&amp;Port:</source>
        <translation>포트(&amp;P):</translation>
    </message>
    <message>
        <source>&amp;Upstream:</source>
        <translation>업스트림(&amp;U):</translation>
    </message>
    <message>
        <source>0 (any free port)</source>
        <translation>0 (빈 포트 아무거나)</translation>
    </message>
    <message>
        <source>Clients connected through the proxy now; each one is a connection in the list</source>
        <translation>지금 프록시를 거쳐 연결된 클라이언트 수. 각각 목록에 연결 하나로 나타납니다</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>복사</translation>
    </message>
    <message>
        <source>Copy the proxy's URL to the clipboard</source>
        <translation>프록시 URL을 클립보드에 복사</translation>
    </message>
    <message>
        <source>Give this URL to your app instead of the real server's</source>
        <translation>실제 서버 URL 대신 이 URL을 앱에 지정하세요</translation>
    </message>
    <message>
        <source>How apps reach the proxy</source>
        <translation>앱이 프록시에 닿는 방식</translation>
    </message>
    <message>
        <source>Off: the upstream gets its own host name in Host, as if the app had connected to it. On: the Host the app sent is forwarded unchanged.</source>
        <translation>끄면: 앱이 업스트림에 직접 연결한 것처럼 Host에 업스트림 자신의 호스트 이름이 들어갑니다. 켜면: 앱이 보낸 Host를 그대로 전달합니다.</translation>
    </message>
    <message>
        <source>The real server: every client of the proxy is relayed to this ws:// or wss:// URL</source>
        <translation>실제 서버: 프록시의 모든 클라이언트가 이 ws:// 또는 wss:// URL로 중계됩니다</translation>
    </message>
    <message>
        <source>Where the proxy listens; 127.0.0.1 and ::1 are reachable only from this machine</source>
        <translation>프록시가 수신 대기할 주소. 127.0.0.1과 ::1은 이 컴퓨터에서만 닿습니다</translation>
    </message>
</context>
<context>
    <name>wsi::HandshakeLegPicker</name>
    <message>
        <source>A proxied connection has two handshakes, one per leg; the proxy rewrites the Host header unless told to keep it</source>
        <translation>프록시를 거친 연결에는 구간마다 하나씩 핸드셰이크가 두 개 있습니다. 유지하라는 설정이 없으면 프록시가 Host 헤더를 바꿉니다</translation>
    </message>
    <message>
        <source>Client leg: as the client sent it and got the answer</source>
        <translation>클라이언트 구간: 클라이언트가 보낸 요청과 받은 응답</translation>
    </message>
    <message>
        <source>Server leg: as it went upstream and the server answered</source>
        <translation>서버 구간: 업스트림으로 나간 요청과 서버가 보낸 응답</translation>
    </message>
</context>
<context>
    <name>wsi::LegCompareView</name>
    <message>
        <source>Client leg (the app and the proxy)</source>
        <translation>클라이언트 구간 (앱과 프록시 사이)</translation>
    </message>
    <message>
        <source>Server leg (the proxy and the upstream)</source>
        <translation>서버 구간 (프록시와 업스트림 사이)</translation>
    </message>
    <message>
        <source>The legs differ: the message was changed between the client and the server.</source>
        <translation>구간마다 내용이 다릅니다: 클라이언트와 서버 사이에서 메시지가 바뀌었습니다.</translation>
    </message>
    <message>
        <source>This message crossed one leg only: the other leg has no such message.</source>
        <translation>이 메시지는 한 구간만 지났습니다: 다른 구간에는 해당 메시지가 없습니다.</translation>
    </message>
    <message numerus="yes">
        <source>Same bytes on both legs (%n byte(s)).</source>
        <translation>
            <numerusform>두 구간의 바이트가 같습니다 (%n바이트).</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>wsi::LegRows</name>
    <message>
        <source>Client leg: between the app and the proxy</source>
        <translation>클라이언트 구간: 앱과 프록시 사이</translation>
    </message>
    <message>
        <source>Server leg: between the proxy and the upstream</source>
        <translation>서버 구간: 프록시와 업스트림 사이</translation>
    </message>
    <message>
        <source>client</source>
        <translation>클라이언트</translation>
    </message>
    <message>
        <source>server</source>
        <translation>서버</translation>
    </message>
</context>
<context>
    <name>wsi::ProxyDock</name>
    <message>
        <source>&amp;Proxy</source>
        <translation>프록시(&amp;P)</translation>
    </message>
    <message>
        <source>Proxy</source>
        <translation>프록시</translation>
    </message>
    <message>
        <source>Show the proxy panel: inspect another app's WebSockets (Ctrl+Shift+P)</source>
        <translation>프록시 패널 표시: 다른 앱의 WebSocket 살펴보기 (Ctrl+Shift+P)</translation>
    </message>
    <message numerus="yes">
        <source>Proxy — %n held</source>
        <translation>
            <numerusform>프록시 — %n개 붙잡음</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>wsi::ProxyPanel</name>
    <message>
        <source>"%1" is not an IP address to listen on.</source>
        <translation>"%1"은(는) 수신 대기할 수 있는 IP 주소가 아닙니다.</translation>
    </message>
    <message>
        <source>Listen for clients and relay them to the upstream</source>
        <translation>클라이언트를 기다렸다가 업스트림으로 중계합니다</translation>
    </message>
    <message>
        <source>Listens here and relays every WebSocket client to the one upstream URL: point your app at the proxy's URL instead of the real server</source>
        <translation>여기서 수신 대기하며 모든 WebSocket 클라이언트를 하나의 업스트림 URL로 중계합니다. 앱이 실제 서버 대신 프록시 URL에 연결하게 하세요</translation>
    </message>
    <message>
        <source>Not listening</source>
        <translation>수신 대기 중 아님</translation>
    </message>
    <message>
        <source>Relaying to %1</source>
        <translation>%1(으)로 중계 중</translation>
    </message>
    <message>
        <source>Reverse proxy</source>
        <translation>리버스 프록시</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>시작</translation>
    </message>
    <message>
        <source>Start &amp;Proxy</source>
        <translation>프록시 시작(&amp;P)</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>중지</translation>
    </message>
    <message>
        <source>Stop &amp;Proxy</source>
        <translation>프록시 중지(&amp;P)</translation>
    </message>
    <message>
        <source>Stop listening and close every proxied connection</source>
        <translation>수신 대기를 멈추고 프록시를 거친 연결을 모두 닫습니다</translation>
    </message>
    <message>
        <source>Stopped</source>
        <translation>중지됨</translation>
    </message>
    <message>
        <source>The URL to give your app appears here once started</source>
        <translation>시작하면 앱에 지정할 URL이 여기에 나타납니다</translation>
    </message>
    <message>
        <source>⚠ Listening on %1 lets other machines on the network use this proxy and reach the upstream through it. Use 127.0.0.1 to keep it local.</source>
        <translation>⚠ %1에서 수신 대기하면 네트워크의 다른 컴퓨터도 이 프록시를 써서 업스트림에 닿을 수 있습니다. 이 컴퓨터 안에서만 쓰려면 127.0.0.1을 사용하세요.</translation>
    </message>
    <message numerus="yes">
        <source>%n client(s) connected</source>
        <translation>
            <numerusform>클라이언트 %n개 연결됨</numerusform>
        </translation>
    </message>
    <message>
        <source>An HTTP proxy for browsers and apps: every WebSocket they open through it is recorded (ws and wss, TLS intercepted with the app&apos;s CA); other requests pass through</source>
        <translation>브라우저와 앱용 HTTP 프록시입니다. 이를 거쳐 여는 모든 WebSocket을 기록하며(ws와 wss, TLS는 앱의 CA로 가로채기), 다른 요청은 그대로 통과시킵니다</translation>
    </message>
    <message>
        <source>Forward HTTP proxy</source>
        <translation>포워드 HTTP 프록시</translation>
    </message>
    <message>
        <source>Forward proxy listening</source>
        <translation>포워드 프록시 수신 대기 중</translation>
    </message>
    <message>
        <source>Held</source>
        <translation>붙잡음</translation>
    </message>
    <message>
        <source>Held (%1)</source>
        <translation>붙잡음 (%1)</translation>
    </message>
    <message>
        <source>Listen for browsers and apps configured with this HTTP proxy</source>
        <translation>이 HTTP 프록시를 쓰도록 설정한 브라우저와 앱을 기다립니다</translation>
    </message>
    <message>
        <source>Rules (%1)</source>
        <translation>규칙 (%1)</translation>
    </message>
    <message>
        <source>The proxy address to give your app appears here once started</source>
        <translation>시작하면 앱에 알려 줄 프록시 주소가 여기에 표시됩니다</translation>
    </message>
</context>
<context>
    <name>wsi::ForwardProxyPage</name>
    <message>
        <source>%1  %2: %3</source>
        <translation>%1  %2: %3</translation>
    </message>
    <message>
        <source>%1 is not installed (Debian: apt install chromium)</source>
        <translation>%1이(가) 설치되어 있지 않습니다 (Debian: apt install chromium)</translation>
    </message>
    <message>
        <source>A fresh temporary profile using this proxy, trusting the app&apos;s CA by its key hash: nothing is installed in any trust store</source>
        <translation>이 프록시를 쓰는 새 임시 프로필로 열고, 앱의 CA는 키 해시로 신뢰합니다. 어떤 신뢰 저장소에도 아무것도 설치하지 않습니다</translation>
    </message>
    <message>
        <source>Chromium flags and settings for other apps:</source>
        <translation>Chromium 플래그와 다른 앱용 설정:</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>복사</translation>
    </message>
    <message>
        <source>Copy the Chromium command line and the proxy settings</source>
        <translation>Chromium 명령줄과 프록시 설정을 복사합니다</translation>
    </message>
    <message>
        <source>Listen on:</source>
        <translation>수신 대기 주소:</translation>
    </message>
    <message>
        <source>Not listening</source>
        <translation>수신 대기 중 아님</translation>
    </message>
    <message>
        <source>Open Chromium through the proxy</source>
        <translation>프록시를 거쳐 Chromium 열기</translation>
    </message>
    <message>
        <source>Port:</source>
        <translation>포트:</translation>
    </message>
    <message>
        <source>Refused requests:</source>
        <translation>거부한 요청:</translation>
    </message>
    <message>
        <source>Requests the proxy refused appear here (itself, unreadable, unreachable)</source>
        <translation>프록시가 거부한 요청이 여기에 표시됩니다 (자기 자신, 읽을 수 없음, 연결할 수 없음)</translation>
    </message>
    <message>
        <source>Start URL:</source>
        <translation>시작 URL:</translation>
    </message>
    <message>
        <source>Start the proxy first: Chromium is opened through it</source>
        <translation>먼저 프록시를 시작하세요. Chromium은 프록시를 거쳐 열립니다</translation>
    </message>
    <message>
        <source>Start the proxy first: Chromium is opened through it.</source>
        <translation>먼저 프록시를 시작하세요. Chromium은 프록시를 거쳐 열립니다.</translation>
    </message>
    <message>
        <source>The address the proxy listens on; 127.0.0.1 keeps it to this machine</source>
        <translation>프록시가 수신 대기할 주소입니다. 127.0.0.1이면 이 컴퓨터에서만 쓸 수 있습니다</translation>
    </message>
    <message>
        <source>The flags and the proxy settings appear here once started</source>
        <translation>시작하면 플래그와 프록시 설정이 여기에 표시됩니다</translation>
    </message>
    <message>
        <source>WebSockets: %1 · passed through: %2 request(s), %3 · refused: %4</source>
        <translation>WebSocket: %1 · 통과: 요청 %2개, %3 · 거부: %4</translation>
    </message>
    <message>
        <source>any free port</source>
        <translation>비어 있는 아무 포트</translation>
    </message>
    <message>
        <source>https://example.com/ (optional)</source>
        <translation>https://example.com/ (선택 사항)</translation>
    </message>
</context>
<context>
    <name>wsi::HeldMessagesView</name>
    <message>
        <source>#%1 %2 · %3 · %4</source>
        <translation>#%1 %2 · %3 · %4</translation>
    </message>
    <message numerus="yes">
        <source>%n message(s) held: their direction of their connection waits for you.</source>
        <translation>
            <numerusform>메시지 %n개를 붙잡아 두었습니다. 해당 연결의 그 방향은 결정을 기다립니다.</numerusform>
        </translation>
    </message>
    <message>
        <source>The hex does not read as bytes: pairs of digits 0-9 and a-f.</source>
        <translation>16진수를 바이트로 읽을 수 없습니다. 0-9와 a-f를 두 자리씩 입력하세요.</translation>
    </message>
    <message>
        <source>These bytes are not valid UTF-8, so they cannot be shown as text: edit them as hex.</source>
        <translation>이 바이트는 올바른 UTF-8이 아니어서 텍스트로 보일 수 없습니다. 16진수로 편집하세요.</translation>
    </message>
    <message>
        <source>Hex</source>
        <translation>16진수</translation>
    </message>
    <message>
        <source>Edit the message&apos;s bytes as hex pairs (a text message&apos;s UTF-8 bytes too); off: as text. Its opcode stays as it came.</source>
        <translation>메시지의 바이트를 16진수 두 자리씩 편집합니다 (텍스트 메시지는 UTF-8 바이트). 끄면 텍스트로 편집합니다. opcode는 받은 그대로입니다.</translation>
    </message>
    <message>
        <source>Drop</source>
        <translation>버리기</translation>
    </message>
    <message>
        <source>Forward</source>
        <translation>전달</translation>
    </message>
    <message>
        <source>Forward edited</source>
        <translation>편집본 전달</translation>
    </message>
    <message>
        <source>Held on connection #%1: the client sent it to the server</source>
        <translation>연결 #%1에서 붙잡음: 클라이언트가 서버로 보낸 메시지</translation>
    </message>
    <message>
        <source>Held on connection #%1: the server sent it to the client</source>
        <translation>연결 #%1에서 붙잡음: 서버가 클라이언트로 보낸 메시지</translation>
    </message>
    <message>
        <source>It never reaches the other side (F9)</source>
        <translation>상대편에 전달하지 않습니다 (F9)</translation>
    </message>
    <message>
        <source>Let the message on as it came (F8)</source>
        <translation>도착한 그대로 전달합니다 (F8)</translation>
    </message>
    <message>
        <source>No message held. Add a hold rule in Rules: matching messages wait here.</source>
        <translation>붙잡아 둔 메시지가 없습니다. 규칙 탭에 붙잡기 규칙을 추가하면 일치하는 메시지가 여기서 기다립니다.</translation>
    </message>
    <message>
        <source>Select a held message to see and edit it</source>
        <translation>붙잡아 둔 메시지를 선택하면 보고 편집할 수 있습니다</translation>
    </message>
    <message>
        <source>Send the editor&apos;s content instead (Ctrl+Enter)</source>
        <translation>대신 편집기의 내용을 보냅니다 (Ctrl+Enter)</translation>
    </message>
    <message>
        <source>↑ out</source>
        <translation>↑ 보냄</translation>
    </message>
    <message>
        <source>↓ in</source>
        <translation>↓ 받음</translation>
    </message>
</context>
<context>
    <name>wsi::ProxyInjectRow</name>
    <message>
        <source>Inject:</source>
        <translation>주입:</translation>
    </message>
    <message>
        <source>Messages cannot be injected into this proxied connection here.</source>
        <translation>여기서는 이 프록시 경유 연결에 메시지를 주입할 수 없습니다.</translation>
    </message>
    <message>
        <source>The proxy no longer relays this connection: nothing can be injected into it.</source>
        <translation>프록시가 더 이상 이 연결을 중계하지 않으므로 주입할 수 없습니다.</translation>
    </message>
    <message>
        <source>This connection is relayed by the proxy: Send puts the message into one of its legs, marked &quot;injected&quot; in the log</source>
        <translation>프록시가 중계하는 연결입니다. 보내기를 누르면 메시지를 한쪽 구간에 주입하며, 로그에는 &quot;주입됨&quot;으로 표시됩니다</translation>
    </message>
    <message>
        <source>to the client (as the server)</source>
        <translation>클라이언트로 (서버인 것처럼)</translation>
    </message>
    <message>
        <source>to the server (as the client)</source>
        <translation>서버로 (클라이언트인 것처럼)</translation>
    </message>
</context>
<context>
    <name>wsi::ProxyRulesView</name>
    <message>
        <source>1 (text) or 2 (binary)</source>
        <translation>1 (텍스트) 또는 2 (바이너리)</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>동작</translation>
    </message>
    <message>
        <source>Add rule</source>
        <translation>규칙 추가</translation>
    </message>
    <message>
        <source>Bytes in hex, e.g. 0a ff 00</source>
        <translation>16진수 바이트, 예: 0a ff 00</translation>
    </message>
    <message>
        <source>Dir</source>
        <translation>방향</translation>
    </message>
    <message>
        <source>Enabled</source>
        <translation>사용</translation>
    </message>
    <message>
        <source>Hold: pause the message for you to forward, edit or drop it; replace: change it without holding; drop: it never arrives</source>
        <translation>붙잡기: 메시지를 멈춰 두고 전달, 편집, 버리기를 직접 고릅니다. 바꾸기: 멈추지 않고 바꿉니다. 버리기: 전달하지 않습니다</translation>
    </message>
    <message>
        <source>JSON path</source>
        <translation>JSON 경로</translation>
    </message>
    <message>
        <source>JSON path, e.g. $.type</source>
        <translation>JSON 경로, 예: $.type</translation>
    </message>
    <message>
        <source>Match</source>
        <translation>일치 조건</translation>
    </message>
    <message>
        <source>Pattern</source>
        <translation>패턴</translation>
    </message>
    <message>
        <source>Regular expression</source>
        <translation>정규식</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>제거</translation>
    </message>
    <message>
        <source>Replacement</source>
        <translation>바꿀 내용</translation>
    </message>
    <message>
        <source>Replacement bytes in hex</source>
        <translation>바꿀 바이트 (16진수)</translation>
    </message>
    <message>
        <source>Replacement text (\1 for a captured group)</source>
        <translation>바꿀 텍스트 (캡처 그룹은 \1)</translation>
    </message>
    <message>
        <source>The opcode must be 1 (text) or 2 (binary), not &quot;%1&quot;.</source>
        <translation>opcode는 &quot;%1&quot;이 아니라 1 (텍스트) 또는 2 (바이너리)여야 합니다.</translation>
    </message>
    <message>
        <source>Value to equal (optional)</source>
        <translation>같아야 할 값 (선택 사항)</translation>
    </message>
    <message>
        <source>all</source>
        <translation>모두</translation>
    </message>
    <message>
        <source>drop</source>
        <translation>버리기</translation>
    </message>
    <message>
        <source>hex bytes</source>
        <translation>16진수 바이트</translation>
    </message>
    <message>
        <source>hold</source>
        <translation>붙잡기</translation>
    </message>
    <message>
        <source>opcode</source>
        <translation>opcode</translation>
    </message>
    <message>
        <source>replace</source>
        <translation>바꾸기</translation>
    </message>
    <message>
        <source>text regex</source>
        <translation>텍스트 정규식</translation>
    </message>
    <message>
        <source>↑ out</source>
        <translation>↑ 보냄</translation>
    </message>
    <message>
        <source>↑ out: what the client sends to the server; ↓ in: the server&apos;s answers</source>
        <translation>↑ 보냄: 클라이언트가 서버로 보내는 메시지, ↓ 받음: 서버의 응답</translation>
    </message>
    <message>
        <source>↓ in</source>
        <translation>↓ 받음</translation>
    </message>
</context>
<context>
    <name>wsi::QtEchoServer</name>
    <message>
        <source>The Qt engine has the echo and silent modes only.</source>
        <translation>Qt 엔진에는 echo와 silent 모드만 있습니다.</translation>
    </message>
    <message>
        <source>The Qt WebSocket server could not listen on 127.0.0.1: %1</source>
        <translation>Qt WebSocket 서버가 127.0.0.1에서 수신 대기하지 못했습니다: %1</translation>
    </message>
</context>
<context>
    <name>wsi::QtEngineServer</name>
    <message>
        <source>The server is already running.</source>
        <translation>서버가 이미 실행 중입니다.</translation>
    </message>
    <message>
        <source>These options are for the built-in engine, not the Qt engine.</source>
        <translation>이 옵션은 Qt 엔진이 아니라 내장 엔진용입니다.</translation>
    </message>
</context>
<context>
    <name>TransportComparisonWindow</name>
    <message>
        <source>What each transport cost and how fast it delivered, measured on loopback. Run the comparison from the Learn panel; this window follows it.</source>
        <translation>전송 방식마다 든 비용과 전달 속도를 루프백에서 잰 값입니다. 비교는 배우기 패널에서 실행하며, 이 창은 그 결과를 따라 보여 줍니다.</translation>
    </message>
</context>
<context>
    <name>wsi::TransportComparisonWindow</name>
    <message>
        <source>Transports Compared</source>
        <translation>전송 방식 비교</translation>
    </message>
</context>
<context>
    <name>wsi::CodecTree</name>
    <message>
        <source>CBOR: %1 at byte %2</source>
        <translation>CBOR: 바이트 %2에서 %1</translation>
    </message>
    <message>
        <source>CBOR: a map key without its value</source>
        <translation>CBOR: 값이 없는 맵 키</translation>
    </message>
    <message>
        <source>CBOR: an invalid item</source>
        <translation>CBOR: 잘못된 항목</translation>
    </message>
    <message>
        <source>CBOR: more than %1 values; the tree stops here</source>
        <translation>CBOR: 값이 %1개를 넘어 트리를 여기서 멈춥니다</translation>
    </message>
    <message>
        <source>CBOR: nested deeper than %1 levels</source>
        <translation>CBOR: %1단계보다 깊게 중첩됨</translation>
    </message>
    <message>
        <source>CBOR: the message is empty</source>
        <translation>CBOR: 메시지가 비어 있습니다</translation>
    </message>
    <message>
        <source>CBOR: unexpected byte 0x%1 at byte %2</source>
        <translation>CBOR: 바이트 %2에 예상하지 못한 바이트 0x%1</translation>
    </message>
    <message>
        <source>MessagePack: %1 at byte %2 runs past the end of the message</source>
        <translation>MessagePack: 바이트 %2의 %1이(가) 메시지 끝을 넘어갑니다</translation>
    </message>
    <message>
        <source>MessagePack: a timestamp of %1 bytes (4, 8 or 12 expected)</source>
        <translation>MessagePack: %1바이트짜리 타임스탬프 (4, 8, 12바이트여야 함)</translation>
    </message>
    <message>
        <source>MessagePack: more than %1 values; the tree stops here</source>
        <translation>MessagePack: 값이 %1개를 넘어 트리를 여기서 멈춥니다</translation>
    </message>
    <message>
        <source>MessagePack: nested deeper than %1 levels</source>
        <translation>MessagePack: %1단계보다 깊게 중첩됨</translation>
    </message>
    <message>
        <source>MessagePack: the message is empty</source>
        <translation>MessagePack: 메시지가 비어 있습니다</translation>
    </message>
    <message>
        <source>MessagePack: the reserved byte 0xc1 at byte %1</source>
        <translation>MessagePack: 바이트 %1에 예약된 바이트 0xc1</translation>
    </message>
    <message>
        <source>Neither CBOR, MessagePack nor protobuf reads this message to its end; choose a format to see how far each gets</source>
        <translation>CBOR, MessagePack, protobuf 어느 것으로도 이 메시지를 끝까지 읽을 수 없습니다. 형식을 골라 각각 어디까지 읽히는지 확인하세요</translation>
    </message>
    <message>
        <source>a bin</source>
        <translation>bin 값</translation>
    </message>
    <message>
        <source>a bin length</source>
        <translation>bin 길이</translation>
    </message>
    <message>
        <source>a float 32</source>
        <translation>float 32 값</translation>
    </message>
    <message>
        <source>a float 64</source>
        <translation>float 64 값</translation>
    </message>
    <message>
        <source>a map</source>
        <translation>맵</translation>
    </message>
    <message>
        <source>a map length</source>
        <translation>맵 길이</translation>
    </message>
    <message>
        <source>a string</source>
        <translation>문자열</translation>
    </message>
    <message>
        <source>a string length</source>
        <translation>문자열 길이</translation>
    </message>
    <message>
        <source>a value</source>
        <translation>값</translation>
    </message>
    <message>
        <source>an array</source>
        <translation>배열</translation>
    </message>
    <message>
        <source>an array length</source>
        <translation>배열 길이</translation>
    </message>
    <message>
        <source>an ext</source>
        <translation>ext 값</translation>
    </message>
    <message>
        <source>an ext length</source>
        <translation>ext 길이</translation>
    </message>
    <message>
        <source>an ext type</source>
        <translation>ext 형식</translation>
    </message>
    <message>
        <source>an integer</source>
        <translation>정수</translation>
    </message>
    <message>
        <source>an unsigned integer</source>
        <translation>부호 없는 정수</translation>
    </message>
    <message>
        <source>protobuf schema: %1 bytes are more than libprotobuf reads</source>
        <translation>protobuf 스키마: %1바이트는 libprotobuf가 읽을 수 있는 크기를 넘습니다</translation>
    </message>
    <message>
        <source>protobuf schema: %1 declares no message %2</source>
        <translation>protobuf 스키마: %1에는 %2 메시지가 선언되어 있지 않습니다</translation>
    </message>
    <message>
        <source>protobuf schema: more than %1 values; the tree stops here</source>
        <translation>protobuf 스키마: 값이 %1개를 넘어 트리를 여기서 멈춥니다</translation>
    </message>
    <message>
        <source>protobuf schema: no .proto file is chosen</source>
        <translation>protobuf 스키마: 선택한 .proto 파일이 없습니다</translation>
    </message>
    <message>
        <source>protobuf schema: the %1 lacks required fields: %2</source>
        <translation>protobuf 스키마: %1에 필수 필드가 없습니다: %2</translation>
    </message>
    <message>
        <source>protobuf schema: the bytes are not a %1 from byte %2 on (a field cut off or malformed, a string not UTF-8, or nesting deeper than %3); the fields before it are shown</source>
        <translation>protobuf 스키마: 바이트 %2부터는 %1이(가) 아닙니다 (필드가 잘렸거나 잘못되었거나, 문자열이 UTF-8이 아니거나, %3단계보다 깊게 중첩됨). 그 앞의 필드를 보여 줍니다</translation>
    </message>
    <message>
        <source>protobuf: a field tag at byte %1 is cut off or longer than 10 bytes</source>
        <translation>protobuf: 바이트 %1의 필드 태그가 잘렸거나 10바이트보다 깁니다</translation>
    </message>
    <message>
        <source>protobuf: field %1 declares %2 bytes, %3 are left</source>
        <translation>protobuf: 필드 %1은(는) %2바이트라고 하지만 %3바이트만 남았습니다</translation>
    </message>
    <message>
        <source>protobuf: field %1 needs %2 bytes, %3 are left</source>
        <translation>protobuf: 필드 %1에는 %2바이트가 필요하지만 %3바이트만 남았습니다</translation>
    </message>
    <message>
        <source>protobuf: field number %1 at byte %2</source>
        <translation>protobuf: 바이트 %2에 잘못된 필드 번호 %1</translation>
    </message>
    <message>
        <source>protobuf: more than %1 fields; the tree stops here</source>
        <translation>protobuf: 필드가 %1개를 넘어 트리를 여기서 멈춥니다</translation>
    </message>
    <message>
        <source>protobuf: the length of field %1 is cut off</source>
        <translation>protobuf: 필드 %1의 길이가 잘렸습니다</translation>
    </message>
    <message>
        <source>protobuf: the varint of field %1 is cut off</source>
        <translation>protobuf: 필드 %1의 varint가 잘렸습니다</translation>
    </message>
    <message>
        <source>protobuf: wire type %1 of field %2 at byte %3 (groups and types 6, 7 are not read)</source>
        <translation>protobuf: 바이트 %3에 있는 필드 %2의 와이어 타입 %1 (그룹과 타입 6, 7은 읽지 않습니다)</translation>
    </message>
</context>
<context>
    <name>wsi::CertificateFactory</name>
    <message>
        <source>&quot;%1&quot; is neither a host name nor an IP address</source>
        <translation>&quot;%1&quot;은(는) 호스트 이름도 IP 주소도 아닙니다</translation>
    </message>
    <message>
        <source>A certificate needs at least one host name</source>
        <translation>인증서에는 호스트 이름이 하나 이상 있어야 합니다</translation>
    </message>
    <message>
        <source>Could not create a certificate</source>
        <translation>인증서를 만들 수 없습니다</translation>
    </message>
    <message>
        <source>Could not create the CA certificate</source>
        <translation>CA 인증서를 만들 수 없습니다</translation>
    </message>
    <message>
        <source>Could not generate an EC P-256 key</source>
        <translation>EC P-256 키를 생성할 수 없습니다</translation>
    </message>
    <message>
        <source>not a PEM certificate</source>
        <translation>PEM 인증서가 아닙니다</translation>
    </message>
    <message>
        <source>not an unencrypted PEM private key</source>
        <translation>암호화되지 않은 PEM 개인 키가 아닙니다</translation>
    </message>
    <message>
        <source>the certificate has expired or expires within %1 days</source>
        <translation>인증서가 만료되었거나 %1일 안에 만료됩니다</translation>
    </message>
    <message>
        <source>the certificate is not a CA certificate</source>
        <translation>인증서가 CA 인증서가 아닙니다</translation>
    </message>
    <message>
        <source>the certificate is not valid yet (has the clock been changed?)</source>
        <translation>인증서가 아직 유효하지 않습니다 (시계가 바뀌었나요?)</translation>
    </message>
    <message>
        <source>the certificate&apos;s signature is not valid</source>
        <translation>인증서의 서명이 올바르지 않습니다</translation>
    </message>
    <message>
        <source>the private key does not belong to the certificate</source>
        <translation>개인 키가 인증서와 짝이 맞지 않습니다</translation>
    </message>
</context>
<context>
    <name>wsi::DecodedMessage</name>
    <message>
        <source>(anonymous)</source>
        <translation>(익명)</translation>
    </message>
    <message>
        <source>malformed</source>
        <translation>형식 오류</translation>
    </message>
    <message>
        <source> code %1</source>
        <translation> 코드 %1</translation>
    </message>
    <message>
        <source> error: %1</source>
        <translation> 오류: %1</translation>
    </message>
    <message>
        <source> (%1 bytes) </source>
        <translation> (%1바이트) </translation>
    </message>
    <message>
        <source>part of a packet, %1 bytes buffered</source>
        <translation>패킷의 일부, %1바이트 버퍼링됨</translation>
    </message>
    <message>
        <source>(no client id)</source>
        <translation>(클라이언트 ID 없음)</translation>
    </message>
    <message>
        <source> %1 v%2 keep-alive %3s</source>
        <translation> %1 v%2 킵얼라이브 %3초</translation>
    </message>
    <message>
        <source>handshake %1 v%2</source>
        <translation>핸드셰이크 %1 v%2</translation>
    </message>
    <message>
        <source>handshake error: %1</source>
        <translation>핸드셰이크 오류: %1</translation>
    </message>
    <message>
        <source>handshake accepted</source>
        <translation>핸드셰이크 수락됨</translation>
    </message>
    <message>
        <source>ATTACHMENT %1/%2 (%3 bytes)</source>
        <translation>ATTACHMENT %1/%2 (%3바이트)</translation>
    </message>
    <message>
        <source>%1 (%2 attachment(s) joined)</source>
        <translation>%1 (첨부 %2개 합침)</translation>
    </message>
    <message>
        <source>an empty frame is no Engine.IO packet</source>
        <translation>빈 프레임은 Engine.IO 패킷이 아닙니다</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is no Engine.IO packet type (0-6)</source>
        <translation>&apos;%1&apos;은(는) Engine.IO 패킷 유형(0-6)이 아닙니다</translation>
    </message>
    <message>
        <source>the open packet carries a JSON object</source>
        <translation>open 패킷에는 JSON 객체가 있어야 합니다</translation>
    </message>
    <message>
        <source>no Socket.IO packet type (0-6)</source>
        <translation>Socket.IO 패킷 유형(0-6)이 없습니다</translation>
    </message>
    <message>
        <source>a binary packet starts with &lt;count&gt;-</source>
        <translation>바이너리 패킷은 &lt;개수&gt;-로 시작해야 합니다</translation>
    </message>
    <message>
        <source>an ack id of more than 15 digits</source>
        <translation>ack id가 15자리를 넘습니다</translation>
    </message>
    <message>
        <source>the packet&apos;s data is not JSON: %1</source>
        <translation>패킷의 데이터가 JSON이 아닙니다: %1</translation>
    </message>
    <message>
        <source>an event&apos;s data is an array led by its name</source>
        <translation>이벤트의 데이터는 이벤트 이름으로 시작하는 배열이어야 합니다</translation>
    </message>
    <message>
        <source>an ACK carries the id it answers</source>
        <translation>ACK에는 응답하는 요청의 id가 있어야 합니다</translation>
    </message>
    <message>
        <source>%1 attachments announced, more than %2</source>
        <translation>첨부 %1개를 예고했습니다. 최대 %2개를 넘습니다</translation>
    </message>
    <message>
        <source>the previous binary packet still awaited %1 attachment(s)</source>
        <translation>이전 바이너리 패킷이 아직 첨부 %1개를 기다리고 있었습니다</translation>
    </message>
    <message>
        <source>an Engine.IO 3 binary frame starts with 0x04</source>
        <translation>Engine.IO 3 바이너리 프레임은 0x04로 시작해야 합니다</translation>
    </message>
    <message>
        <source>no binary packet awaits an attachment</source>
        <translation>첨부를 기다리는 바이너리 패킷이 없습니다</translation>
    </message>
    <message>
        <source>an empty message holds no frame</source>
        <translation>빈 메시지에는 프레임이 없습니다</translation>
    </message>
    <message>
        <source>the command line has no end-of-line</source>
        <translation>명령 줄이 줄바꿈으로 끝나지 않습니다</translation>
    </message>
    <message>
        <source>the headers are not ended by an empty line</source>
        <translation>헤더가 빈 줄로 끝나지 않습니다</translation>
    </message>
    <message>
        <source>header line &quot;%1&quot; has no &apos;:&apos; or an undefined escape</source>
        <translation>헤더 줄 &quot;%1&quot;에 &apos;:&apos;가 없거나 정의되지 않은 이스케이프가 있습니다</translation>
    </message>
    <message>
        <source>the frame&apos;s body is not ended by NUL</source>
        <translation>프레임 본문이 NUL로 끝나지 않습니다</translation>
    </message>
    <message>
        <source>content-length &quot;%1&quot; does not fit the frame</source>
        <translation>content-length &quot;%1&quot;이(가) 프레임과 맞지 않습니다</translation>
    </message>
    <message>
        <source>not JSON: %1</source>
        <translation>JSON이 아닙니다: %1</translation>
    </message>
    <message>
        <source>an empty batch is an invalid request (JSON-RPC 2.0 section 6)</source>
        <translation>빈 배치는 잘못된 요청입니다(JSON-RPC 2.0 6절)</translation>
    </message>
    <message>
        <source>a JSON-RPC message is an object, not %1</source>
        <translation>JSON-RPC 메시지는 %1이(가) 아니라 객체여야 합니다</translation>
    </message>
    <message>
        <source>&quot;method&quot; must be a string</source>
        <translation>&quot;method&quot;는 문자열이어야 합니다</translation>
    </message>
    <message>
        <source>a response holds either &quot;result&quot; or &quot;error&quot;, not both</source>
        <translation>응답에는 &quot;result&quot;와 &quot;error&quot; 중 하나만 있어야 합니다</translation>
    </message>
    <message>
        <source>a response must hold &quot;id&quot;</source>
        <translation>응답에는 &quot;id&quot;가 있어야 합니다</translation>
    </message>
    <message>
        <source>the object has no &quot;method&quot;, &quot;result&quot; or &quot;error&quot;</source>
        <translation>객체에 &quot;method&quot;, &quot;result&quot;, &quot;error&quot; 중 아무것도 없습니다</translation>
    </message>
    <message>
        <source>&quot;jsonrpc&quot; must be exactly &quot;2.0&quot;</source>
        <translation>&quot;jsonrpc&quot;는 정확히 &quot;2.0&quot;이어야 합니다</translation>
    </message>
    <message>
        <source>the JSON hub protocol sends text; a binary frame is MessagePack, not decoded</source>
        <translation>JSON 허브 프로토콜은 텍스트를 보냅니다. 바이너리 프레임은 MessagePack이라 디코딩하지 않습니다</translation>
    </message>
    <message>
        <source>%1 bytes after the last record are not ended by 0x1E</source>
        <translation>마지막 레코드 뒤의 %1바이트가 0x1E로 끝나지 않습니다</translation>
    </message>
    <message>
        <source>a record is a JSON object</source>
        <translation>레코드는 JSON 객체여야 합니다</translation>
    </message>
    <message>
        <source>the handshake request names no &quot;protocol&quot;</source>
        <translation>핸드셰이크 요청에 &quot;protocol&quot;이 없습니다</translation>
    </message>
    <message>
        <source>&quot;type&quot; %1 is no hub message type (1-9)</source>
        <translation>&quot;type&quot; %1은(는) 허브 메시지 유형(1-9)이 아닙니다</translation>
    </message>
    <message>
        <source>an invocation names its &quot;target&quot;</source>
        <translation>호출에는 &quot;target&quot;이 있어야 합니다</translation>
    </message>
    <message>
        <source>a message is an object with a string &quot;type&quot;</source>
        <translation>메시지는 문자열 &quot;type&quot;이 있는 객체여야 합니다</translation>
    </message>
    <message>
        <source>&quot;%1&quot; needs an &quot;id&quot;</source>
        <translation>&quot;%1&quot;에는 &quot;id&quot;가 있어야 합니다</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is no message type of graphql-transport-ws or subscriptions-transport-ws</source>
        <translation>&quot;%1&quot;은(는) graphql-transport-ws나 subscriptions-transport-ws의 메시지 유형이 아닙니다</translation>
    </message>
    <message>
        <source>%1 needs %2 bytes, %3 left</source>
        <translation>%1에 %2바이트가 필요한데 %3바이트만 남았습니다</translation>
    </message>
    <message>
        <source>a byte</source>
        <translation>바이트 하나</translation>
    </message>
    <message>
        <source>a two-byte integer</source>
        <translation>2바이트 정수</translation>
    </message>
    <message>
        <source>a variable byte integer</source>
        <translation>가변 바이트 정수</translation>
    </message>
    <message>
        <source>a string or binary field</source>
        <translation>문자열 또는 바이너리 필드</translation>
    </message>
    <message>
        <source>the properties</source>
        <translation>속성</translation>
    </message>
    <message>
        <source>a variable byte integer has more than 4 bytes</source>
        <translation>가변 바이트 정수가 4바이트를 넘습니다</translation>
    </message>
    <message>
        <source>a UTF-8 string field is not valid UTF-8</source>
        <translation>UTF-8 문자열 필드가 올바른 UTF-8이 아닙니다</translation>
    </message>
    <message>
        <source>property identifier 0x%1 is not defined</source>
        <translation>속성 식별자 0x%1은(는) 정의되지 않았습니다</translation>
    </message>
    <message>
        <source>MQTT over WebSocket is sent in binary messages (MQTT 5.0 section 6)</source>
        <translation>WebSocket 위의 MQTT는 바이너리 메시지로 보냅니다(MQTT 5.0 6절)</translation>
    </message>
    <message>
        <source>more bytes of a packet larger than %1 bytes, skipped</source>
        <translation>%1바이트보다 큰 패킷의 나머지 바이트라 건너뛰었습니다</translation>
    </message>
    <message>
        <source>the remaining length has more than 4 bytes</source>
        <translation>남은 길이(remaining length)가 4바이트를 넘습니다</translation>
    </message>
    <message>
        <source>a %1 packet of %2 bytes, more than the %3 kept; skipped</source>
        <translation>%1 패킷이 %2바이트로 보관 한도 %3바이트를 넘어 건너뛰었습니다</translation>
    </message>
    <message>
        <source>%1 with fixed-header flags 0x%2</source>
        <translation>고정 헤더 플래그가 0x%2인 %1</translation>
    </message>
    <message>
        <source>packet type 0 is reserved</source>
        <translation>패킷 유형 0은 예약되어 있습니다</translation>
    </message>
    <message>
        <source>%1 bytes after the packet&apos;s fields</source>
        <translation>패킷 필드 뒤에 %1바이트가 더 있습니다</translation>
    </message>
    <message>
        <source>protocol name &quot;%1&quot;</source>
        <translation>잘못된 프로토콜 이름 &quot;%1&quot;</translation>
    </message>
    <message>
        <source>the CONNECT flags&apos; reserved bit is set</source>
        <translation>CONNECT 플래그의 예약 비트가 켜져 있습니다</translation>
    </message>
    <message>
        <source>PUBLISH with QoS 3</source>
        <translation>QoS 3인 PUBLISH</translation>
    </message>
    <message>
        <source>%1 names no topic filter</source>
        <translation>%1에 토픽 필터가 없습니다</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is no STOMP command</source>
        <translation>&quot;%1&quot;은(는) STOMP 명령이 아닙니다</translation>
    </message>
</context>
<context>
    <name>wsi::HandshakeParser</name>
    <message>
        <source>The HTTP head is larger than the limit of %1 bytes (no empty line ends it).</source>
        <translation>HTTP 헤드가 한도인 %1바이트를 넘습니다(헤드를 끝내는 빈 줄이 없습니다).</translation>
    </message>
    <message>
        <source>Line %1 of the HTTP head ends with a bare LF: HTTP/1.1 requires every line to end with CRLF (\r\n).</source>
        <translation>HTTP 헤드의 %1번째 줄이 CR 없는 LF로 끝납니다. HTTP/1.1에서는 모든 줄이 CRLF(\r\n)로 끝나야 합니다.</translation>
    </message>
    <message>
        <source>Line %1 of the HTTP head contains a stray CR character.</source>
        <translation>HTTP 헤드의 %1번째 줄에 짝 없는 CR 문자가 있습니다.</translation>
    </message>
    <message>
        <source>The HTTP head starts with an empty line instead of a %1 line.</source>
        <translation>HTTP 헤드가 %1 줄 대신 빈 줄로 시작합니다.</translation>
    </message>
    <message>
        <source>request</source>
        <translation>요청</translation>
    </message>
    <message>
        <source>status</source>
        <translation>상태</translation>
    </message>
    <message>
        <source>The request line &quot;%1&quot; is not &quot;METHOD target HTTP/1.1&quot;.</source>
        <translation>요청 줄 &quot;%1&quot;이(가) &quot;METHOD target HTTP/1.1&quot; 형식이 아닙니다.</translation>
    </message>
    <message>
        <source>The status line &quot;%1&quot; does not start with an HTTP version such as HTTP/1.1.</source>
        <translation>상태 줄 &quot;%1&quot;이(가) HTTP/1.1 같은 HTTP 버전으로 시작하지 않습니다.</translation>
    </message>
    <message>
        <source>The status line &quot;%1&quot; has no three-digit status code.</source>
        <translation>상태 줄 &quot;%1&quot;에 세 자리 상태 코드가 없습니다.</translation>
    </message>
    <message>
        <source>Line %1 of the HTTP head starts with whitespace (obsolete line folding), which is not supported.</source>
        <translation>HTTP 헤드의 %1번째 줄이 공백으로 시작합니다(더 이상 쓰지 않는 줄 접기). 지원하지 않는 형식입니다.</translation>
    </message>
    <message>
        <source>Line %1 of the HTTP head, &quot;%2&quot;, is not a &quot;Name: value&quot; header.</source>
        <translation>HTTP 헤드의 %1번째 줄 &quot;%2&quot;은(는) &quot;Name: value&quot; 형식의 헤더가 아닙니다.</translation>
    </message>
    <message>
        <source>Header &quot;%1&quot; on line %2 has whitespace before the colon, which HTTP/1.1 forbids.</source>
        <translation>%2번째 줄의 헤더 &quot;%1&quot;에서 콜론 앞에 공백이 있습니다. HTTP/1.1에서는 허용하지 않습니다.</translation>
    </message>
    <message>
        <source>Line %1 of the HTTP head has an invalid header name &quot;%2&quot;.</source>
        <translation>HTTP 헤드의 %1번째 줄에 잘못된 헤더 이름 &quot;%2&quot;이(가) 있습니다.</translation>
    </message>
    <message>
        <source>The HTTP head has no %1 line before the empty line.</source>
        <translation>HTTP 헤드에서 빈 줄 앞에 %1 줄이 없습니다.</translation>
    </message>
    <message>
        <source>The connection closed before any HTTP data arrived.</source>
        <translation>HTTP 데이터가 하나도 오기 전에 연결이 닫혔습니다.</translation>
    </message>
    <message>
        <source>The connection closed in the middle of the HTTP head (%1 bytes received, no empty line yet).</source>
        <translation>HTTP 헤드를 받는 도중에 연결이 닫혔습니다(%1바이트 받음, 아직 빈 줄 없음).</translation>
    </message>
</context>
<context>
    <name>wsi::HttpBodyReader</name>
    <message>
        <source>Content-Length &quot;%1&quot; is not a number.</source>
        <translation>Content-Length &quot;%1&quot;은(는) 숫자가 아닙니다.</translation>
    </message>
    <message>
        <source>The response has conflicting Content-Length values (%1 and %2).</source>
        <translation>응답의 Content-Length 값이 서로 다릅니다(%1과 %2).</translation>
    </message>
    <message>
        <source>A line of the chunked body is longer than %1 bytes.</source>
        <translation>청크 본문의 한 줄이 %1바이트보다 깁니다.</translation>
    </message>
    <message>
        <source>A line of the chunked body ends with a bare LF: chunked encoding requires CRLF.</source>
        <translation>청크 본문의 한 줄이 CR 없는 LF로 끝납니다. 청크 인코딩에서는 CRLF가 필요합니다.</translation>
    </message>
    <message>
        <source>The chunked body has an invalid chunk size line &quot;%1&quot;.</source>
        <translation>청크 본문에 잘못된 청크 크기 줄 &quot;%1&quot;이(가) 있습니다.</translation>
    </message>
    <message>
        <source>A chunk of the chunked body is longer than its size line says.</source>
        <translation>청크 본문의 한 청크가 크기 줄에 적힌 것보다 깁니다.</translation>
    </message>
    <message>
        <source>The connection closed after %1 of the %2 body bytes announced by Content-Length.</source>
        <translation>Content-Length가 알린 본문 %2바이트 중 %1바이트만 받고 연결이 닫혔습니다.</translation>
    </message>
    <message>
        <source>The connection closed in the middle of the chunked body (%1 bytes decoded).</source>
        <translation>청크 본문을 받는 도중에 연결이 닫혔습니다(%1바이트 디코딩함).</translation>
    </message>
</context>
<context>
    <name>wsi::FrameDecoder</name>
    <message>
        <source>%1 frame while a %2-frame %3 message was unfinished</source>
        <translation>프레임 %2개짜리 %3 메시지가 끝나지 않았는데 %1 프레임이 왔습니다</translation>
    </message>
    <message>
        <source>%1 frame with FIN=0</source>
        <translation>FIN=0인 %1 프레임</translation>
    </message>
    <message>
        <source>%1 frame with MASK=0</source>
        <translation>MASK=0인 %1 프레임</translation>
    </message>
    <message>
        <source>%1 frame with MASK=1</source>
        <translation>MASK=1인 %1 프레임</translation>
    </message>
    <message>
        <source>%1 frame with a %2-byte payload</source>
        <translation>페이로드가 %2바이트인 %1 프레임</translation>
    </message>
    <message>
        <source>%1 set on a %2 frame</source>
        <translation>%2 프레임에 %1이(가) 설정됨</translation>
    </message>
    <message>
        <source>. RSV1 almost always means the peer compressed the frame with permessage-deflate. Qt WebSockets does not support permessage-deflate (compression): Qt fails such a connection with close code 1002 &quot;Rsv field is non-zero&quot;</source>
        <translation>. RSV1은 거의 항상 상대가 permessage-deflate로 프레임을 압축했다는 뜻입니다. Qt WebSockets는 permessage-deflate(압축)를 지원하지 않아 이런 연결을 종료 코드 1002 &quot;Rsv field is non-zero&quot;로 실패 처리합니다</translation>
    </message>
    <message>
        <source>64-bit length field 0x%1</source>
        <translation>64비트 길이 필드 0x%1</translation>
    </message>
    <message>
        <source>CONT frame with no message started</source>
        <translation>시작된 메시지가 없는데 온 CONT 프레임</translation>
    </message>
    <message>
        <source>RSV1 set on a %1 frame</source>
        <translation>%1 프레임에 RSV1이 설정됨</translation>
    </message>
    <message>
        <source>RSV1 set on a CONT frame</source>
        <translation>CONT 프레임에 RSV1이 설정됨</translation>
    </message>
    <message>
        <source>a %1 frame followed the Close frame</source>
        <translation>Close 프레임 뒤에 %1 프레임이 왔습니다</translation>
    </message>
    <message>
        <source>binary</source>
        <translation>바이너리</translation>
    </message>
    <message>
        <source>text</source>
        <translation>텍스트</translation>
    </message>
    <message>
        <source>byte %1 at offset %2 of the reason</source>
        <translation>사유의 오프셋 %2에 있는 바이트 %1</translation>
    </message>
    <message>
        <source>byte %1 at offset %2 of the text message</source>
        <translation>텍스트 메시지의 오프셋 %2에 있는 바이트 %1</translation>
    </message>
    <message>
        <source>close code %1 (%2)</source>
        <translation>종료 코드 %1 (%2)</translation>
    </message>
    <message>
        <source>close code %1, %2</source>
        <translation>종료 코드 %1, %2</translation>
    </message>
    <message>
        <source>length %1 sent in the %2-bit form</source>
        <translation>길이 %1을(를) %2비트 형식으로 보냄</translation>
    </message>
    <message>
        <source>message would reach %1 bytes; the limit is %2 bytes</source>
        <translation>메시지가 %1바이트에 이릅니다. 한도는 %2바이트입니다</translation>
    </message>
    <message>
        <source>opcode %1</source>
        <translation>opcode %1</translation>
    </message>
    <message>
        <source>payload byte %1</source>
        <translation>페이로드 바이트 %1</translation>
    </message>
    <message>
        <source>the reason ends in the middle of a multi-byte character</source>
        <translation>사유가 멀티바이트 문자 중간에서 끝납니다</translation>
    </message>
    <message>
        <source>the text message ends in the middle of a multi-byte character</source>
        <translation>텍스트 메시지가 멀티바이트 문자 중간에서 끝납니다</translation>
    </message>
</context>
<context>
    <name>wsi::DeflateNegotiation</name>
    <message>
        <source>client_max_window_bits=%1 is more than the %2 the offer allowed</source>
        <translation>client_max_window_bits=%1은(는) 제안이 허용한 %2보다 큽니다</translation>
    </message>
    <message>
        <source>client_max_window_bits=%1, but the offer did not include client_max_window_bits</source>
        <translation>client_max_window_bits=%1이지만 제안에 client_max_window_bits가 없었습니다</translation>
    </message>
    <message>
        <source>server_max_window_bits=%1 is more than the %2 the offer allowed</source>
        <translation>server_max_window_bits=%1은(는) 제안이 허용한 %2보다 큽니다</translation>
    </message>
    <message>
        <source>the client&apos;s every permessage-deflate offer was invalid, so none could be accepted</source>
        <translation>클라이언트의 permessage-deflate 제안이 모두 잘못되어 어느 것도 받아들일 수 없었습니다</translation>
    </message>
    <message>
        <source>the offer has server_max_window_bits=%1, the response has no server_max_window_bits</source>
        <translation>제안에는 server_max_window_bits=%1이 있는데 응답에는 server_max_window_bits가 없습니다</translation>
    </message>
    <message>
        <source>the offer has server_no_context_takeover, the response does not</source>
        <translation>제안에는 server_no_context_takeover가 있는데 응답에는 없습니다</translation>
    </message>
</context>
<context>
    <name>wsi::MessageInflater</name>
    <message>
        <source>the message ends inside a DEFLATE block</source>
        <translation>메시지가 DEFLATE 블록 중간에서 끝납니다</translation>
    </message>
    <message>
        <source>the message inflates to more than %1 bytes; %2 compressed bytes had been read</source>
        <translation>압축을 풀면 메시지가 %1바이트를 넘습니다. 그때까지 압축된 바이트 %2개를 읽었습니다</translation>
    </message>
    <message>
        <source>zlib could not carry the window over</source>
        <translation>zlib이 윈도를 다음 메시지로 넘기지 못했습니다</translation>
    </message>
    <message>
        <source>zlib could not reset the inflater</source>
        <translation>zlib이 압축 해제기를 초기화하지 못했습니다</translation>
    </message>
    <message>
        <source>zlib could not start an inflater</source>
        <translation>zlib이 압축 해제기를 시작하지 못했습니다</translation>
    </message>
    <message>
        <source>zlib error %1</source>
        <translation>zlib 오류 %1</translation>
    </message>
</context>
<context>
    <name>wsi::PerMessageDeflateOffer</name>
    <message>
        <source>%1 (this parameter takes no value)</source>
        <translation>%1 (이 매개변수는 값을 받지 않습니다)</translation>
    </message>
</context>
<context>
    <name>wsi::SessionEventDecoder</name>
    <message>
        <source>a binary message without &quot;base64&quot;.</source>
        <translation>&quot;base64&quot;가 없는 바이너리 메시지입니다.</translation>
    </message>
    <message>
        <source>a frame needs &quot;header_hex&quot;, &quot;opcode&quot; and &quot;length&quot;.</source>
        <translation>프레임에는 &quot;header_hex&quot;, &quot;opcode&quot;, &quot;length&quot;가 있어야 합니다.</translation>
    </message>
    <message>
        <source>a message whose &quot;type&quot; is neither text nor binary.</source>
        <translation>&quot;type&quot;이 text도 binary도 아닌 메시지입니다.</translation>
    </message>
    <message>
        <source>a text message without &quot;text&quot;.</source>
        <translation>&quot;text&quot;가 없는 텍스트 메시지입니다.</translation>
    </message>
    <message>
        <source>an edited or replaced message without &quot;original_payload&quot;.</source>
        <translation>&quot;original_payload&quot;가 없는 편집되거나 교체된 메시지입니다.</translation>
    </message>
    <message>
        <source>&quot;payload_of&quot; must be the number of a message line, from 1.</source>
        <translation>&quot;payload_of&quot;는 1부터 세는 메시지 줄 번호여야 합니다.</translation>
    </message>
    <message>
        <source>a message with both &quot;payload_of&quot; and a payload of its own: one says what it carried.</source>
        <translation>&quot;payload_of&quot;와 자체 페이로드를 모두 가진 메시지입니다. 메시지가 실은 내용은 둘 중 하나로만 밝혀야 합니다.</translation>
    </message>
    <message>
        <source>no &quot;conn&quot; number.</source>
        <translation>&quot;conn&quot; 번호가 없습니다.</translation>
    </message>
    <message>
        <source>no &quot;t_us&quot; or &quot;t&quot; time.</source>
        <translation>&quot;t_us&quot;나 &quot;t&quot; 시각이 없습니다.</translation>
    </message>
    <message>
        <source>unknown &quot;dir&quot; &quot;%1&quot;.</source>
        <translation>알 수 없는 &quot;dir&quot; &quot;%1&quot;입니다.</translation>
    </message>
    <message>
        <source>unknown &quot;proxy_action&quot; &quot;%1&quot;.</source>
        <translation>알 수 없는 &quot;proxy_action&quot; &quot;%1&quot;입니다.</translation>
    </message>
</context>
<context>
    <name>wsi::ProtocolDetector</name>
    <message>
        <source>first frames</source>
        <translation>처음 몇 프레임</translation>
    </message>
    <message>
        <source>chosen by the user</source>
        <translation>사용자가 선택함</translation>
    </message>
    <message>
        <source>subprotocol %1</source>
        <translation>서브프로토콜 %1</translation>
    </message>
    <message>
        <source>URL %1</source>
        <translation>URL %1</translation>
    </message>
</context>
</TS>
