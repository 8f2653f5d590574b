<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ko" sourcelanguage="en">
<context>
    <name>ActivationDock</name>
    <message>
        <source>Activation function</source>
        <translation>활성화 함수</translation>
    </message>
    <message>
        <source>Select a neuron to see its activation function.</source>
        <translation>뉴런을 선택하면 그 활성화 함수를 볼 수 있습니다.</translation>
    </message>
    <message>
        <source>{label} is an input: it has no activation function, its output is the value you set.</source>
        <translation>{label}: 입력이므로 활성화 함수가 없습니다. 출력은 직접 정한 값입니다.</translation>
    </message>
    <message>
        <source>{label} is a spike generator: it fires by its own clock, whatever it receives.</source>
        <translation>{label}: 스파이크 생성기이므로 무엇을 받든 자기 시계에 맞춰 발화합니다.</translation>
    </message>
    <message>
        <source>f = {name}</source>
        <translation>f = {name}</translation>
    </message>
    <message>
        <source>now</source>
        <translation>현재</translation>
    </message>
    <message>
        <source>net input Σ − θ  (= Σ + b)</source>
        <translation>순입력 Σ − θ  (= Σ + b)</translation>
    </message>
    <message>
        <source>output a = f(net)</source>
        <translation>출력 a = f(순입력)</translation>
    </message>
    <message>
        <source>Σ = θ = {theta}</source>
        <translation>Σ = θ = {theta}</translation>
    </message>
    <message>
        <source>{label}: a = f(Σ − θ), {formula}</source>
        <translation>{label}: a = f(Σ − θ), {formula}</translation>
    </message>
    <message>
        <source>The network cannot run now, so there is no current input.</source>
        <translation>지금은 네트워크를 실행할 수 없어서 현재 입력이 없습니다.</translation>
    </message>
    <message>
        <source>now: Σ = {sum}, net = Σ − θ = {net}, a = f(net) = {a}</source>
        <translation>현재: Σ = {sum}, 순입력 = Σ − θ = {net}, a = f(순입력) = {a}</translation>
    </message>
    <message>
        <source>firing rate of the cell (simulated)</source>
        <translation>세포의 발화율 (시뮬레이션)</translation>
    </message>
    <message>
        <source>sigmoid, scaled to {top} Hz</source>
        <translation>시그모이드, {top} Hz로 맞춤</translation>
    </message>
    <message>
        <source>its drive now</source>
        <translation>현재 구동 입력</translation>
    </message>
    <message>
        <source>constant drive (input current, mV)</source>
        <translation>일정한 구동 입력 (입력 전류, mV)</translation>
    </message>
    <message>
        <source>firing rate (Hz)</source>
        <translation>발화율 (Hz)</translation>
    </message>
    <message>
        <source>threshold reached: drive = {value} mV</source>
        <translation>임계값 도달: 구동 입력 = {value} mV</translation>
    </message>
    <message>
        <source>A sigmoid is like a firing rate: f–I curve of {label}</source>
        <translation>시그모이드는 발화율과 닮았습니다: {label}의 f–I 곡선</translation>
    </message>
    <message>
        <source>drive {drive} mV → {rate} Hz</source>
        <translation>구동 입력 {drive} mV → {rate} Hz</translation>
    </message>
    <message>
        <source>in the network (drive + synapses): {rate} Hz</source>
        <translation>네트워크 안에서 (구동 입력 + 시냅스): {rate} Hz</translation>
    </message>
</context>
<context>
    <name>AddLayerDialog</name>
    <message>
        <source>Add layer</source>
        <translation>층 추가</translation>
    </message>
    <message>
        <source>How many neurons the new column holds (1 to 64).</source>
        <translation>새 열(층)에 들어갈 뉴런 수 (1~64).</translation>
    </message>
    <message>
        <source>Activation function f of a = f(Σ w·a − θ); rate-model neurons only.</source>
        <translation>a = f(Σ w·a − θ)의 활성화 함수 f. 발화율 모델 뉴런에만 해당합니다.</translation>
    </message>
</context>
<context>
    <name>BlocksNotice</name>
    <message>
        <source>Blocks show the arithmetic of rate neurons, a = f(Σ w·x − θ); a spiking cell adds up its input over time instead, so this network is drawn schematic.</source>
        <translation>블록은 발화율 뉴런의 계산 a = f(Σ w·x − θ)를 보여 줍니다. 스파이킹 세포는 입력을 시간에 걸쳐 쌓아 가므로 이 네트워크는 도식으로 그립니다.</translation>
    </message>
    <message>
        <source>Blocks are drawn for up to %1 computing neurons; this network has %2, so it is drawn schematic.</source>
        <translation>블록은 계산하는 뉴런이 %1개까지일 때 그립니다. 이 네트워크에는 %2개가 있어 도식으로 그립니다.</translation>
    </message>
    <message>
        <source>Blocks are drawn for up to %1 synapses into one neuron; %2 has %3, so the network is drawn schematic.</source>
        <translation>블록은 한 뉴런에 들어오는 시냅스가 %1개까지일 때 그립니다. %2에는 %3개가 들어와 네트워크를 도식으로 그립니다.</translation>
    </message>
</context>
<context>
    <name>CanvasActions</name>
    <message>
        <source>Select</source>
        <translation>선택</translation>
    </message>
    <message>
        <source>Select and move neurons; drag from an axon&apos;s end to connect (S)</source>
        <translation>뉴런을 선택하고 옮깁니다. 축삭돌기 끝에서 끌면 연결합니다 (S)</translation>
    </message>
    <message>
        <source>Add input</source>
        <translation>입력 추가</translation>
    </message>
    <message>
        <source>Click on the canvas to add an input, a sensor you switch on and off (I)</source>
        <translation>캔버스를 클릭해 입력을 추가합니다. 켜고 끌 수 있는 센서입니다 (I)</translation>
    </message>
    <message>
        <source>Add neuron</source>
        <translation>뉴런 추가</translation>
    </message>
    <message>
        <source>Click on the canvas to add a neuron (N)</source>
        <translation>캔버스를 클릭해 뉴런을 추가합니다 (N)</translation>
    </message>
    <message>
        <source>Add generator</source>
        <translation>생성기 추가</translation>
    </message>
    <message>
        <source>Click on the canvas to add a spike generator, spiking networks only (G)</source>
        <translation>캔버스를 클릭해 스파이크 생성기를 추가합니다. 스파이킹 네트워크 전용 (G)</translation>
    </message>
    <message>
        <source>Connect</source>
        <translation>연결</translation>
    </message>
    <message>
        <source>Drag from one neuron to another to connect them with a synapse (C)</source>
        <translation>한 뉴런에서 다른 뉴런으로 끌어 시냅스로 연결합니다 (C)</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>메모</translation>
    </message>
    <message>
        <source>Click on the canvas to put a note there, a text box for your explanations; double-click a note to edit it (T)</source>
        <translation>캔버스를 클릭해 설명을 적을 글상자인 메모를 놓습니다. 메모를 두 번 클릭하면 고칠 수 있습니다 (T)</translation>
    </message>
    <message>
        <source>&amp;Biological</source>
        <translation>생물학적 모습(&amp;B)</translation>
    </message>
    <message>
        <source>Neurons as cells: dendrites, soma, axon, synapses</source>
        <translation>뉴런을 세포로 그립니다: 수상돌기, 세포체, 축삭돌기, 시냅스</translation>
    </message>
    <message>
        <source>&amp;Schematic</source>
        <translation>도식(&amp;S)</translation>
    </message>
    <message>
        <source>Textbook diagram: Σ and f, arrows with weights</source>
        <translation>교과서 도식: Σ와 f, 가중치가 붙은 화살표</translation>
    </message>
    <message>
        <source>Bloc&amp;ks</source>
        <translation>블록(&amp;K)</translation>
    </message>
    <message>
        <source>Each neuron as its operations: × w blocks, Σ − θ, f and the output, with their numbers</source>
        <translation>뉴런마다 그 연산을 블록으로: × w 블록, Σ − θ, f와 출력, 그리고 그 값</translation>
    </message>
    <message>
        <source>Weight &amp;labels</source>
        <translation>가중치 표시(&amp;L)</translation>
    </message>
    <message>
        <source>Show each synapse&apos;s weight</source>
        <translation>각 시냅스의 가중치 표시</translation>
    </message>
    <message>
        <source>&amp;Thresholds</source>
        <translation>임계값 표시(&amp;T)</translation>
    </message>
    <message>
        <source>Show each neuron&apos;s threshold θ</source>
        <translation>각 뉴런의 임계값 θ 표시</translation>
    </message>
    <message>
        <source>&amp;Grid</source>
        <translation>격자(&amp;G)</translation>
    </message>
    <message>
        <source>Show a grid</source>
        <translation>격자 표시</translation>
    </message>
    <message>
        <source>S&amp;nap to grid</source>
        <translation>격자에 맞추기(&amp;N)</translation>
    </message>
    <message>
        <source>Place and move neurons on the grid</source>
        <translation>뉴런을 격자에 맞춰 놓고 옮깁니다</translation>
    </message>
    <message>
        <source>Zoom &amp;in</source>
        <translation>확대(&amp;I)</translation>
    </message>
    <message>
        <source>Zoom in (+)</source>
        <translation>확대 (+)</translation>
    </message>
    <message>
        <source>Zoom &amp;out</source>
        <translation>축소(&amp;O)</translation>
    </message>
    <message>
        <source>Zoom out (−)</source>
        <translation>축소 (−)</translation>
    </message>
    <message>
        <source>&amp;Actual size</source>
        <translation>실제 크기(&amp;A)</translation>
    </message>
    <message>
        <source>Zoom to 100% (0)</source>
        <translation>100%로 보기 (0)</translation>
    </message>
    <message>
        <source>&amp;Fit network</source>
        <translation>네트워크 전체 보기(&amp;F)</translation>
    </message>
    <message>
        <source>Fit the whole network in the window (F)</source>
        <translation>네트워크 전체를 창에 맞춰 보기 (F)</translation>
    </message>
    <message>
        <source>&amp;Rate (artificial neurons)</source>
        <translation>발화율 모델 (인공 뉴런)(&amp;R)</translation>
    </message>
    <message>
        <source>a = f(Σ w·x − θ): the unit of deep learning</source>
        <translation>a = f(Σ w·x − θ): 딥러닝의 기본 단위</translation>
    </message>
    <message>
        <source>&amp;Spiking (integrate-and-fire)</source>
        <translation>스파이킹 모델 (적분-발화)(&amp;S)</translation>
    </message>
    <message>
        <source>Membrane potential charges up and fires spikes</source>
        <translation>막전위가 차오르다가 스파이크를 발화합니다</translation>
    </message>
    <message>
        <source>&amp;Feedforward</source>
        <translation>순방향(&amp;F)</translation>
    </message>
    <message>
        <source>One pass from inputs to outputs, layer by layer</source>
        <translation>입력에서 출력까지 층별로 한 번 계산합니다</translation>
    </message>
    <message>
        <source>S&amp;ynchronous</source>
        <translation>동기식(&amp;Y)</translation>
    </message>
    <message>
        <source>All neurons update together each tick; loops allowed</source>
        <translation>모든 뉴런이 틱마다 함께 갱신됩니다. 순환 연결 가능</translation>
    </message>
</context>
<context>
    <name>CodeActions</name>
    <message>
        <source>As code</source>
        <translation>코드로 보기</translation>
    </message>
    <message>
        <source>As &amp;code</source>
        <translation>코드로 보기(&amp;C)</translation>
    </message>
    <message>
        <source>The network as Keras, PyTorch, Brian2 or PyNN code, and each layer&apos;s weight matrix W</source>
        <translation>네트워크를 Keras, PyTorch, Brian2, PyNN 코드로, 그리고 층마다 가중치 행렬 W를 보여 줍니다</translation>
    </message>
    <message>
        <source>Export as &amp;code…</source>
        <translation>코드로 내보내기(&amp;C)…</translation>
    </message>
    <message>
        <source>Save the network as a Keras, PyTorch, Brian2 or PyNN script</source>
        <translation>네트워크를 Keras, PyTorch, Brian2, PyNN 스크립트로 저장합니다</translation>
    </message>
    <message>
        <source>Export as code</source>
        <translation>코드로 내보내기</translation>
    </message>
    <message>
        <source>Python scripts (*.py)</source>
        <translation>Python 스크립트 (*.py)</translation>
    </message>
    <message>
        <source>Could not export the code</source>
        <translation>코드를 내보내지 못했습니다</translation>
    </message>
    <message>
        <source>The code was not saved:
%1

An existing file there is unchanged.</source>
        <translation>코드를 저장하지 못했습니다:
%1

그 자리에 있던 파일은 바뀌지 않았습니다.</translation>
    </message>
    <message>
        <source>%1 code saved to %2</source>
        <translation>%1 코드를 %2에 저장했습니다</translation>
    </message>
</context>
<context>
    <name>CodeExportDialog</name>
    <message>
        <source>Export as code</source>
        <translation>코드로 내보내기</translation>
    </message>
    <message>
        <source>Framework:</source>
        <translation>프레임워크:</translation>
    </message>
    <message>
        <source>Simulated time:</source>
        <translation>시뮬레이션 시간:</translation>
    </message>
    <message>
        <source>Updates the script runs: a feedforward network computes the same pass at every step; a synchronous one runs a tick per step</source>
        <translation>스크립트가 실행할 업데이트 수: 피드포워드 네트워크는 스텝마다 같은 계산을 하고, 동기 네트워크는 스텝마다 한 틱을 실행합니다</translation>
    </message>
    <message>
        <source>Steps:</source>
        <translation>스텝 수:</translation>
    </message>
    <message>
        <source>Comments in:</source>
        <translation>주석 언어:</translation>
    </message>
</context>
<context>
    <name>CodePanel</name>
    <message>
        <source>The framework the code is for: Keras or PyTorch (rate networks), Brian2 or PyNN (spiking networks)</source>
        <translation>코드를 쓸 프레임워크: Keras 또는 PyTorch (레이트 네트워크), Brian2 또는 PyNN (스파이킹 네트워크)</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>복사</translation>
    </message>
    <message>
        <source>Copy the code to the clipboard</source>
        <translation>코드를 클립보드에 복사합니다</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>내보내기…</translation>
    </message>
    <message>
        <source>Save the code as a Python file (File → Export as code…)</source>
        <translation>코드를 Python 파일로 저장합니다 (파일 → 코드로 내보내기…)</translation>
    </message>
    <message>
        <source>Code for</source>
        <translation>프레임워크</translation>
    </message>
    <message>
        <source>The layers as Keras Dense layers, and each W (a row per input, a column per neuron) with b = −θ</source>
        <translation>층을 Keras Dense 층으로, 그리고 층마다 W (입력마다 한 행, 뉴런마다 한 열)와 b = −θ</translation>
    </message>
    <message>
        <source>The code is %1 lines long, too long to show here: Copy it, or save it with Export…</source>
        <translation>코드가 %1줄이나 되어 여기에 보이기에는 너무 깁니다: 복사하거나 내보내기…로 저장하세요</translation>
    </message>
    <message>
        <source>The network is large (%1 neurons, %2 synapses): its code is long and slow to show here. Save it with Export…</source>
        <translation>네트워크가 큽니다 (뉴런 %1개, 시냅스 %2개): 코드가 길어 여기에 보이려면 오래 걸립니다. 내보내기…로 저장하세요</translation>
    </message>
    <message>
        <source>b = −θ</source>
        <translation>b = −θ</translation>
    </message>
    <message>
        <source>Layer %1: W (%2 × %3), a row per input, a column per neuron</source>
        <translation>%1층: W (%2 × %3), 입력마다 한 행, 뉴런마다 한 열</translation>
    </message>
    <message>
        <source>(too large to show here: the code holds it)</source>
        <translation>(너무 커서 여기에 보이지 않습니다: 코드에 들어 있습니다)</translation>
    </message>
</context>
<context>
    <name>ComputationPanel</name>
    <message>
        <source>Select a neuron to see what it computes</source>
        <translation>뉴런을 선택하면 무엇을 계산하는지 볼 수 있습니다</translation>
    </message>
    <message>
        <source>from (axon of)</source>
        <translation>보낸 뉴런</translation>
    </message>
    <message>
        <source>dendrite input xᵢ</source>
        <translation>수상돌기 입력 xᵢ</translation>
    </message>
    <message>
        <source>synapse strength wᵢ</source>
        <translation>시냅스 강도 wᵢ</translation>
    </message>
    <message>
        <source>wᵢ·xᵢ</source>
        <translation>wᵢ·xᵢ</translation>
    </message>
    <message>
        <source>from</source>
        <comment>the sending neuron, short heading</comment>
        <translation>보낸 뉴런</translation>
    </message>
    <message>
        <source>xᵢ</source>
        <translation>xᵢ</translation>
    </message>
    <message>
        <source>wᵢ</source>
        <translation>wᵢ</translation>
    </message>
    <message>
        <source>weighted sum Σ (soma)</source>
        <translation>가중합 Σ (세포체)</translation>
    </message>
    <message>
        <source>Σ = Σᵢ wᵢ·xᵢ: the dendrites&apos; inputs added up in the soma</source>
        <translation>Σ = Σᵢ wᵢ·xᵢ: 수상돌기로 들어온 입력을 세포체에서 모두 더한 값</translation>
    </message>
    <message>
        <source>threshold θ</source>
        <translation>임계값 θ</translation>
    </message>
    <message>
        <source>how much Σ must reach before the neuron fires</source>
        <translation>뉴런이 발화하려면 Σ가 도달해야 하는 값</translation>
    </message>
    <message>
        <source>bias b = −θ</source>
        <translation>편향 b = −θ</translation>
    </message>
    <message>
        <source>deep learning&apos;s name for the threshold, with the sign flipped</source>
        <translation>딥러닝에서 임계값을 부르는 이름 (부호가 반대)</translation>
    </message>
    <message>
        <source>net input Σ − θ (= Σ + b)</source>
        <translation>순입력 Σ − θ (= Σ + b)</translation>
    </message>
    <message>
        <source>above 0 when Σ is past the threshold</source>
        <translation>Σ가 임계값을 넘으면 0보다 큼</translation>
    </message>
    <message>
        <source>activation f (firing)</source>
        <translation>활성화 f (발화)</translation>
    </message>
    <message>
        <source>the rule that turns the net input into an output</source>
        <translation>순입력을 출력으로 바꾸는 규칙</translation>
    </message>
    <message>
        <source>output a = f(net) (axon)</source>
        <translation>출력 a = f(순입력) (축삭돌기)</translation>
    </message>
    <message>
        <source>what the axon carries to the next neurons</source>
        <translation>축삭돌기가 다음 뉴런으로 전달하는 값</translation>
    </message>
    <message>
        <source>input value x (sensor)</source>
        <translation>입력값 x (센서)</translation>
    </message>
    <message>
        <source>an input passes the value you set along its axon</source>
        <translation>입력은 직접 정한 값을 축삭돌기로 전달합니다</translation>
    </message>
    <message>
        <source>firing rate</source>
        <translation>발화율</translation>
    </message>
    <message>
        <source>how often the sensor fires while its value is not 0</source>
        <translation>값이 0이 아닐 때 감각 입력이 발화하는 빈도</translation>
    </message>
    <message>
        <source>membrane potential v</source>
        <translation>막전위 v</translation>
    </message>
    <message>
        <source>the charge the soma has gathered</source>
        <translation>세포체에 모인 전하</translation>
    </message>
    <message>
        <source>firing threshold</source>
        <translation>발화 임계값</translation>
    </message>
    <message>
        <source>the cell fires (spikes) when v reaches it</source>
        <translation>v가 이 값에 이르면 세포가 발화합니다 (스파이크)</translation>
    </message>
    <message>
        <source>resting potential</source>
        <translation>휴지 전위</translation>
    </message>
    <message>
        <source>where v settles with no input</source>
        <translation>입력이 없을 때 v가 머무는 값</translation>
    </message>
    <message>
        <source>reset potential</source>
        <translation>재설정 전위</translation>
    </message>
    <message>
        <source>v right after a spike</source>
        <translation>스파이크 직후의 v</translation>
    </message>
    <message>
        <source>constant drive (input current)</source>
        <translation>일정한 구동 입력 (입력 전류)</translation>
    </message>
    <message>
        <source>v tends to rest + drive</source>
        <translation>v는 휴지 전위 + 구동 입력으로 다가갑니다</translation>
    </message>
    <message>
        <source>input current now (R·I)</source>
        <translation>지금의 입력 전류 (R·I)</translation>
    </message>
    <message>
        <source>what the current synapses and current sources feed the cell at this moment</source>
        <translation>전류 시냅스와 전류원이 지금 이 순간 세포에 주는 입력</translation>
    </message>
    <message>
        <source>adaptation (R·g)</source>
        <translation>적응 (R·g)</translation>
    </message>
    <message>
        <source>grows with each spike and fades; it pulls v back towards rest</source>
        <translation>스파이크마다 커졌다가 서서히 줄며, v를 휴지 전위 쪽으로 되돌립니다</translation>
    </message>
    <message>
        <source>time now t</source>
        <translation>지금 시각 t</translation>
    </message>
    <message>
        <source>the moment these numbers belong to: while playing, the status bar&apos;s clock may be a frame ahead</source>
        <translation>이 숫자들이 가리키는 시각입니다. 재생 중에는 상태 표시줄의 시계가 한 프레임 앞설 수 있습니다</translation>
    </message>
    <message>
        <source>last spike (axon)</source>
        <translation>마지막 스파이크 (축삭돌기)</translation>
    </message>
    <message>
        <source>when the cell last fired</source>
        <translation>세포가 마지막으로 발화한 시각</translation>
    </message>
    <message>
        <source>time since last spike</source>
        <translation>마지막 스파이크 이후 시간</translation>
    </message>
    <message>
        <source>refractory</source>
        <translation>불응기</translation>
    </message>
    <message>
        <source>just after a spike the cell ignores its input</source>
        <translation>스파이크 직후에는 세포가 입력을 무시합니다</translation>
    </message>
    <message>
        <source>This network cannot run, so {label} computes nothing yet.</source>
        <translation>이 네트워크는 실행할 수 없어서 {label}은(는) 아직 아무것도 계산하지 않습니다.</translation>
    </message>
    <message>
        <source>An input has no dendrites and computes nothing: its output a is the value you set.</source>
        <translation>입력에는 수상돌기가 없고 계산도 하지 않습니다. 출력 a는 직접 정한 값입니다.</translation>
    </message>
    <message>
        <source>a = f(Σ − θ): the weighted sum of the inputs, past the threshold, through the activation function.</source>
        <translation>a = f(Σ − θ): 입력의 가중합에서 임계값을 뺀 값을 활성화 함수에 넣은 결과입니다.</translation>
    </message>
    <message>
        <source>The inputs changed since {label} last computed, so the canvas still shows a = {shown}. These are the values of its next step.</source>
        <translation>{label}이(가) 마지막으로 계산한 뒤 입력이 바뀌어서 캔버스에는 아직 a = {shown}이(가) 보입니다. 아래는 다음 단계의 값입니다.</translation>
    </message>
    <message>
        <source>Σ = {terms} = {sum}</source>
        <translation>Σ = {terms} = {sum}</translation>
    </message>
    <message>
        <source>a = f(Σ − θ) = f({sum} − {theta}) = f({net}) = {a}</source>
        <translation>a = f(Σ − θ) = f({sum} − {theta}) = f({net}) = {a}</translation>
    </message>
    <message>
        <source>no synapse arrives: Σ = 0</source>
        <translation>들어오는 시냅스 없음: Σ = 0</translation>
    </message>
    <message>
        <source>… and {n} more</source>
        <translation>… 외 {n}개</translation>
    </message>
    <message>
        <source>{label} is a current source: it sends no spikes; each of its synapses adds weight × {shape} (mV, as R·I) to its target&apos;s input at every step.</source>
        <translation>{label}: 전류원입니다. 스파이크를 보내지 않고, 시냅스마다 매 단계 가중치 × {shape} (mV, R·I로)를 표적 뉴런의 입력에 더합니다.</translation>
    </message>
    <message>
        <source>{rate} Hz</source>
        <translation>{rate} Hz</translation>
    </message>
    <message>
        <source>silent (value 0)</source>
        <translation>발화 안 함 (값 0)</translation>
    </message>
    <message>
        <source>yes, {t} left</source>
        <translation>예, {t} 남음</translation>
    </message>
    <message>
        <source>{t} ms</source>
        <translation>{t} ms</translation>
    </message>
    <message>
        <source>{t} s</source>
        <translation>{t} 초</translation>
    </message>
    <message>
        <source>not yet</source>
        <translation>아직 없음</translation>
    </message>
    <message>
        <source>{label} is a spike source: it fires {rate} times a second by its own clock{when}.</source>
        <translation>{label}: 스파이크 발생원입니다. 자기 시계에 맞춰 1초에 {rate}번 발화합니다{when}.</translation>
    </message>
    <message>
        <source> while its value is not 0</source>
        <translation> (값이 0이 아닌 동안)</translation>
    </message>
    <message>
        <source>{v} mV</source>
        <translation>{v} mV</translation>
    </message>
    <message>
        <source>no</source>
        <translation>아니요</translation>
    </message>
    <message>
        <source>The cell fires when v reaches the threshold: {gap} mV to go.</source>
        <translation>v가 임계값에 이르면 세포가 발화합니다: {gap} mV 남았습니다.</translation>
    </message>
    <message>
        <source>The cell has just fired: it is held at the reset potential.</source>
        <translation>세포가 방금 발화했습니다: 재설정 전위에 머물러 있습니다.</translation>
    </message>
</context>
<context>
    <name>ContextMenus</name>
    <message>
        <source>Switch on/off</source>
        <translation>켜기/끄기</translation>
    </message>
    <message>
        <source>Type value…</source>
        <translation>값 입력…</translation>
    </message>
    <message>
        <source>Type frequency…</source>
        <translation>주파수 입력…</translation>
    </message>
    <message>
        <source>Type rate…</source>
        <translation>발화율 입력…</translation>
    </message>
    <message>
        <source>Type threshold…</source>
        <translation>임계값 입력…</translation>
    </message>
    <message>
        <source>Connect from here…</source>
        <translation>여기에서 연결…</translation>
    </message>
    <message>
        <source>Type weight…</source>
        <translation>가중치 입력…</translation>
    </message>
    <message>
        <source>Flip sign (excitatory ↔ inhibitory)</source>
        <translation>부호 바꾸기 (흥분성 ↔ 억제성)</translation>
    </message>
    <message>
        <source>Add neuron here</source>
        <translation>여기에 뉴런 추가</translation>
    </message>
    <message>
        <source>Add input here</source>
        <translation>여기에 입력 추가</translation>
    </message>
    <message>
        <source>Add generator here</source>
        <translation>여기에 생성기 추가</translation>
    </message>
</context>
<context>
    <name>EditActions</name>
    <message>
        <source>Cu&amp;t</source>
        <translation>잘라내기(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>복사(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Paste</source>
        <translation>붙여넣기(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Duplicate</source>
        <translation>복제(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>삭제(&amp;D)</translation>
    </message>
    <message>
        <source>Delete the selection; a neuron takes its synapses with it (Del)</source>
        <translation>선택한 것 삭제. 뉴런을 지우면 그 시냅스도 함께 지워집니다 (Del)</translation>
    </message>
    <message>
        <source>Select &amp;All</source>
        <translation>모두 선택(&amp;A)</translation>
    </message>
    <message>
        <source>Cut the selected neurons and notes</source>
        <translation>선택한 뉴런과 메모를 잘라 냅니다</translation>
    </message>
    <message>
        <source>Copy the selected neurons, the synapses between them and the selected notes</source>
        <translation>선택한 뉴런과 그 사이의 시냅스, 선택한 메모를 복사합니다</translation>
    </message>
    <message>
        <source>Paste neurons and notes</source>
        <translation>뉴런과 메모를 붙여 넣습니다</translation>
    </message>
    <message>
        <source>Duplicate the selected neurons with their inner synapses, and the selected notes</source>
        <translation>선택한 뉴런을 그 사이의 시냅스와 함께, 그리고 선택한 메모를 복제합니다</translation>
    </message>
    <message>
        <source>Select every neuron, synapse and note</source>
        <translation>모든 뉴런, 시냅스, 메모를 선택합니다</translation>
    </message>
    <message>
        <source>Add &amp;layer…</source>
        <translation>층 추가(&amp;L)…</translation>
    </message>
    <message>
        <source>Add a column of neurons (a layer) to the right of the network</source>
        <translation>네트워크 오른쪽에 뉴런 한 열(층)을 추가</translation>
    </message>
    <message>
        <source>Connect &amp;all</source>
        <translation>모두 연결(&amp;A)</translation>
    </message>
    <message>
        <source>Fully connect each selected column to the next (a Dense layer: 3 inputs × 2 neurons = 6 synapses)</source>
        <translation>선택한 각 열을 다음 열과 완전 연결 (Dense 층: 입력 3개 × 뉴런 2개 = 시냅스 6개)</translation>
    </message>
    <message numerus="yes">
        <source>Copied %n neuron(s).</source>
        <translation>
            <numerusform>뉴런 %n개를 복사했습니다.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Copied %n note(s).</source>
        <translation>
            <numerusform>메모 %n개를 복사했습니다.</numerusform>
        </translation>
    </message>
    <message>
        <source>Cut</source>
        <translation>잘라내기</translation>
    </message>
    <message>
        <source>Paste</source>
        <translation>붙여넣기</translation>
    </message>
    <message>
        <source>Nothing to paste: %1</source>
        <translation>붙여넣을 것이 없습니다: %1</translation>
    </message>
    <message>
        <source>Duplicate</source>
        <translation>복제</translation>
    </message>
    <message>
        <source>Nothing selected to delete.</source>
        <translation>삭제할 것을 선택하지 않았습니다.</translation>
    </message>
    <message numerus="yes">
        <source>Add layer of %n</source>
        <translation>
            <numerusform>뉴런 %n개인 층 추가</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Connect all (%n synapses)</source>
        <translation>
            <numerusform>모두 연결 (시냅스 %n개)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Connected %n synapse(s), each with weight 1.</source>
        <translation>
            <numerusform>시냅스 %n개를 연결했습니다. 가중치는 모두 1입니다.</numerusform>
        </translation>
    </message>
    <message>
        <source>Now spiking: input x → x × %1 Hz (0: silent), weight w → w × %2 mV, threshold θ → drive %3 × (1 − θ) mV; decisions carry over roughly. Undo switches back.</source>
        <translation>이제 스파이킹 모델: 입력 x → x × %1 Hz(0: 발화 안 함), 가중치 w → w × %2 mV, 임계값 θ → 구동 입력 %3 × (1 − θ) mV; 판단이 대략 그대로 이어집니다. 실행 취소하면 되돌아갑니다.</translation>
    </message>
    <message>
        <source>Now rate: weight W mV → W ÷ %2, drive d mV → θ = 1 − d ÷ %3, input at r Hz → x = r ÷ %1. Undo switches back.</source>
        <translation>이제 발화율 모델: 가중치 W mV → W ÷ %2, 구동 입력 d mV → θ = 1 − d ÷ %3, r Hz 입력 → x = r ÷ %1. 실행 취소하면 되돌아갑니다.</translation>
    </message>
</context>
<context>
    <name>EditorScene</name>
    <message>
        <source>Synapse %1 → %2, weight %3: double-click to type a weight, Ctrl+wheel to nudge it</source>
        <translation>시냅스 %1 → %2, 가중치 %3: 더블클릭하면 가중치를 입력하고, Ctrl+휠로 조금씩 바꿉니다</translation>
    </message>
</context>
<context>
    <name>ErrorMessages</name>
    <message>
        <source>there is no parameter {name!r} to set</source>
        <translation>설정할 매개변수 {name!r}이(가) 없습니다</translation>
    </message>
    <message>
        <source>nothing to add</source>
        <translation>추가할 것이 없습니다</translation>
    </message>
    <message>
        <source>rate_breakdown needs a rate engine</source>
        <translation>rate_breakdown에는 발화율 모델 엔진이 필요합니다</translation>
    </message>
    <message>
        <source>there is no neuron with id {id!r} in the running network</source>
        <translation>실행 중인 네트워크에 id가 {id!r}인 뉴런이 없습니다</translation>
    </message>
    <message>
        <source>spiking_state needs a spiking engine</source>
        <translation>spiking_state에는 스파이킹 모델 엔진이 필요합니다</translation>
    </message>
    <message>
        <source>the time step and the duration must be positive</source>
        <translation>시간 간격과 지속 시간은 0보다 커야 합니다</translation>
    </message>
    <message>
        <source>{target} export does not carry plasticity yet: synapse {source} → {target_id} learns with STDP</source>
        <translation>{target} 내보내기는 아직 가소성을 담지 못합니다: 시냅스 {source} → {target_id}은(는) STDP로 학습합니다</translation>
    </message>
    <message>
        <source>the network has no neurons: there is nothing to export</source>
        <translation>네트워크에 뉴런이 없습니다: 내보낼 것이 없습니다</translation>
    </message>
    <message>
        <source>{target} runs rate networks and this one is spiking; export it to Brian2 or PyNN</source>
        <translation>{target}(으)로는 발화율 네트워크만 내보낼 수 있는데 이 네트워크는 스파이킹 네트워크입니다. Brian2나 PyNN으로 내보내세요</translation>
    </message>
    <message>
        <source>{target} runs spiking networks and this one is a rate network; export it to Keras or PyTorch</source>
        <translation>{target}(으)로는 스파이킹 네트워크만 내보낼 수 있는데 이 네트워크는 발화율 네트워크입니다. Keras나 PyTorch로 내보내세요</translation>
    </message>
    <message>
        <source>{target}: the network has no inputs, and a {target} model needs at least one</source>
        <translation>{target}: 네트워크에 입력이 없는데 {target} 모델에는 입력이 하나 이상 있어야 합니다</translation>
    </message>
    <message>
        <source>Keras computes feedforward networks and this one updates synchronously; export it to PyTorch, which runs one tick at a time</source>
        <translation>Keras는 피드포워드 네트워크를 계산하는데 이 네트워크는 동기 업데이트를 씁니다. 한 틱씩 실행하는 PyTorch로 내보내세요</translation>
    </message>
    <message>
        <source>the clipboard does not hold neurons</source>
        <translation>클립보드에 뉴런이 없습니다</translation>
    </message>
    <message>
        <source>a layer has 1 to 256 neurons, not {count}</source>
        <translation>층에는 뉴런이 1~256개 있어야 합니다 ({count}개는 안 됩니다)</translation>
    </message>
    <message>
        <source>{label} is {kind:w}: nothing can connect to it</source>
        <translation>{label}은(는) {kind:w}이므로 아무것도 연결할 수 없습니다</translation>
    </message>
    <message>
        <source>select two groups of neurons side by side (for example 3 inputs and 2 neurons)</source>
        <translation>나란히 놓인 뉴런 두 무리를 선택하세요 (예: 입력 3개와 뉴런 2개)</translation>
    </message>
    <message>
        <source>the selected neurons stand in one column; select a column to connect from and a column to its right to connect to</source>
        <translation>선택한 뉴런이 모두 한 열에 있습니다. 연결을 시작할 열과 그 오른쪽에서 연결받을 열을 함께 선택하세요</translation>
    </message>
    <message>
        <source>these neurons are already fully connected</source>
        <translation>이 뉴런들은 이미 모두 연결되어 있습니다</translation>
    </message>
    <message>
        <source>expected a whole number, got {value}</source>
        <translation>정수여야 하는데 {value}입니다</translation>
    </message>
    <message>
        <source>{value} is below the minimum {minimum:g}</source>
        <translation>{value}은(는) 최솟값 {minimum:g}보다 작습니다</translation>
    </message>
    <message>
        <source>{value} is above the maximum {maximum:g}</source>
        <translation>{value}은(는) 최댓값 {maximum:g}보다 큽니다</translation>
    </message>
    <message>
        <source>expected true or false, got {value}</source>
        <translation>true나 false여야 하는데 {value}입니다</translation>
    </message>
    <message>
        <source>unknown value {value}; expected one of {options}</source>
        <translation>알 수 없는 값 {value}입니다. 다음 중 하나여야 합니다: {options}</translation>
    </message>
    <message>
        <source>expected text, got {value}</source>
        <translation>텍스트여야 하는데 {value}입니다</translation>
    </message>
    <message>
        <source>text longer than {limit} characters</source>
        <translation>텍스트가 {limit}자보다 깁니다</translation>
    </message>
    <message>
        <source>expected [x, y], got {value}</source>
        <translation>[x, y] 형식이어야 하는데 {value}입니다</translation>
    </message>
    <message>
        <source>the text holds an invalid character (U+{code:04X}) at position {position}</source>
        <translation>텍스트의 {position}번 위치에 쓸 수 없는 문자(U+{code:04X})가 있습니다</translation>
    </message>
    <message>
        <source>expected a number, got {value}</source>
        <translation>숫자여야 하는데 {value}입니다</translation>
    </message>
    <message>
        <source>{value} is far too large a number</source>
        <translation>{value}은(는) 너무 큰 수입니다</translation>
    </message>
    <message>
        <source>expected a finite number, got {value}</source>
        <translation>유한한 숫자여야 하는데 {value}입니다</translation>
    </message>
    <message>
        <source>{value} is not a valid id (1-64 letters, digits, &apos;_&apos;, &apos;-&apos;, &apos;.&apos;, &apos;:&apos;)</source>
        <translation>{value}은(는) 올바른 id가 아닙니다 (글자, 숫자, &apos;_&apos;, &apos;-&apos;, &apos;.&apos;, &apos;:&apos;로 1~64자)</translation>
    </message>
    <message>
        <source>expected a plasticity object or null, got {value}</source>
        <translation>가소성 객체 또는 null이 필요한데 {value}입니다</translation>
    </message>
    <message>
        <source>w_min {w_min:g} is above w_max {w_max:g}</source>
        <translation>w_min {w_min:g}이(가) w_max {w_max:g}보다 큽니다</translation>
    </message>
    <message>
        <source>could not save: {reason:w}</source>
        <translation>저장할 수 없습니다: {reason:w}</translation>
    </message>
    <message>
        <source>plasticity needs file format version 2 (this file is version {version})</source>
        <translation>plasticity에는 파일 형식 버전 2가 필요합니다(이 파일은 버전 {version})</translation>
    </message>
    <message>
        <source>the network is too large to save: its file would be {size:.1f} MB, and a network file may be at most {limit} MB; remove neurons or synapses, or shorten labels</source>
        <translation>네트워크가 너무 커서 저장할 수 없습니다: 파일이 {size:.1f} MB가 되는데, 네트워크 파일은 최대 {limit} MB입니다. 뉴런이나 시냅스를 지우거나 이름을 줄이세요</translation>
    </message>
    <message>
        <source>is a folder, not a network file</source>
        <translation>네트워크 파일이 아니라 폴더입니다</translation>
    </message>
    <message>
        <source>no such file</source>
        <translation>파일이 없습니다</translation>
    </message>
    <message>
        <source>permission denied</source>
        <translation>접근 권한이 없습니다</translation>
    </message>
    <message>
        <source>could not read: {reason:w}</source>
        <translation>읽을 수 없습니다: {reason:w}</translation>
    </message>
    <message>
        <source>no file name was given</source>
        <translation>파일 이름이 주어지지 않았습니다</translation>
    </message>
    <message>
        <source>is not a regular file (a pipe, a device or a socket), so it cannot be a network file</source>
        <translation>일반 파일이 아니어서(파이프, 장치 또는 소켓) 네트워크 파일일 수 없습니다</translation>
    </message>
    <message>
        <source>the file is {size:.0f} MB, far too large to be a network (the limit is {limit} MB)</source>
        <translation>파일이 {size:.0f} MB로, 네트워크 파일이라기엔 너무 큽니다 (한도 {limit} MB)</translation>
    </message>
    <message>
        <source>the file is far too large to be a network (the limit is {limit} MB)</source>
        <translation>파일이 네트워크 파일이라기엔 너무 큽니다 (한도 {limit} MB)</translation>
    </message>
    <message>
        <source>not UTF-8 text (bad byte at offset {offset})</source>
        <translation>UTF-8 텍스트가 아닙니다 (오프셋 {offset}에 잘못된 바이트)</translation>
    </message>
    <message>
        <source>the file is empty</source>
        <translation>파일이 비어 있습니다</translation>
    </message>
    <message>
        <source>not valid JSON at line {line}, column {column}: the file ends too early (truncated?)</source>
        <translation>{line}번째 줄 {column}번째 칸의 JSON이 올바르지 않습니다: 파일이 너무 일찍 끝납니다 (잘렸나요?)</translation>
    </message>
    <message>
        <source>not valid JSON at line {line}, column {column}: {reason:w}</source>
        <translation>{line}번째 줄 {column}번째 칸의 JSON이 올바르지 않습니다: {reason:w}</translation>
    </message>
    <message>
        <source>not valid JSON: {reason}</source>
        <translation>JSON이 올바르지 않습니다: {reason}</translation>
    </message>
    <message>
        <source>the key {key} appears twice in one object</source>
        <translation>한 객체 안에 키 {key}이(가) 두 번 나옵니다</translation>
    </message>
    <message>
        <source>not valid JSON at line {line}, column {column}: nested more than {limit} levels deep</source>
        <translation>{line}번째 줄 {column}번째 칸의 JSON이 올바르지 않습니다: {limit}단계보다 깊이 중첩되어 있습니다</translation>
    </message>
    <message>
        <source>not valid JSON: nested more than {limit} levels deep</source>
        <translation>JSON이 올바르지 않습니다: {limit}단계보다 깊이 중첩되어 있습니다</translation>
    </message>
    <message>
        <source>expected a JSON object at the top, got {type:w}</source>
        <translation>맨 바깥은 JSON 객체여야 하는데 {type:w}입니다</translation>
    </message>
    <message>
        <source>expected &quot;{name}&quot;, got {value}; this is not a neuron-sim network file</source>
        <translation>&quot;{name}&quot;이어야 하는데 {value}입니다. neuron-sim 네트워크 파일이 아닙니다</translation>
    </message>
    <message>
        <source>{value} is newer than this neuron-sim reads (up to {newest}); please update neuron-sim</source>
        <translation>{value}은(는) 이 neuron-sim이 읽을 수 있는 버전({newest}까지)보다 새 버전입니다. neuron-sim을 업데이트하세요</translation>
    </message>
    <message>
        <source>{value} is not a valid version</source>
        <translation>{value}은(는) 올바른 버전이 아닙니다</translation>
    </message>
    <message>
        <source>unknown field {name} at the top level</source>
        <translation>맨 바깥에 알 수 없는 항목 {name}이(가) 있습니다</translation>
    </message>
    <message>
        <source>expected an object, got {type:w}</source>
        <translation>객체여야 하는데 {type:w}입니다</translation>
    </message>
    <message>
        <source>the field &apos;id&apos; is missing</source>
        <translation>&apos;id&apos; 항목이 없습니다</translation>
    </message>
    <message>
        <source>the id {id!r} is used twice</source>
        <translation>id {id!r}이(가) 두 번 쓰였습니다</translation>
    </message>
    <message>
        <source>generators belong to spiking networks, and this one is &quot;{model}&quot;</source>
        <translation>생성기는 스파이킹 네트워크에만 쓸 수 있는데, 이 네트워크는 &quot;{model}&quot;입니다</translation>
    </message>
    <message>
        <source>the field {name!r} is missing</source>
        <translation>{name!r} 항목이 없습니다</translation>
    </message>
    <message>
        <source>no neuron has the id {id!r}</source>
        <translation>id가 {id!r}인 뉴런이 없습니다</translation>
    </message>
    <message>
        <source>{source} → {target} is connected twice</source>
        <translation>{source} → {target}이(가) 두 번 연결되어 있습니다</translation>
    </message>
    <message>
        <source>{id!r} is {kind:w}, which cannot receive synapses</source>
        <translation>{id!r}은(는) {kind:w}이므로 시냅스를 받을 수 없습니다</translation>
    </message>
    <message>
        <source>unknown field {name}</source>
        <translation>알 수 없는 항목 {name}</translation>
    </message>
    <message>
        <source>expected a list, got {type:w}</source>
        <translation>목록이어야 하는데 {type:w}입니다</translation>
    </message>
    <message>
        <source>{count} entries is more than the {limit:,} a network may hold</source>
        <translation>항목 {count}개는 네트워크 하나에 담을 수 있는 {limit:,}개보다 많습니다</translation>
    </message>
    <message>
        <source>{count} × a note longer than a neuron-sim note holds (5000 characters): cut there</source>
        <translation>{count} × neuron-sim 메모가 담을 수 있는 것(5000자)보다 긴 메모: 거기서 자름</translation>
    </message>
    <message>
        <source>the file is {size:,.1f} MB, and opening it would take about {need:.1f} GB of memory; at most {limit:.1f} GB may be used (half of this computer&apos;s memory). Open it on a computer with more memory, or save the network there with fewer synapses</source>
        <translation>파일이 {size:,.1f} MB로, 여는 데 메모리가 약 {need:.1f} GB 필요합니다. 쓸 수 있는 메모리는 최대 {limit:.1f} GB입니다 (이 컴퓨터 메모리의 절반). 메모리가 더 많은 컴퓨터에서 열거나, 그곳에서 시냅스를 줄여 저장하세요</translation>
    </message>
    <message>
        <source>the network has a loop ({path}), so it has no feedforward order; use the synchronous update scheme for networks with loops</source>
        <translation>네트워크에 고리({path})가 있어서 순방향 순서를 정할 수 없습니다. 고리가 있는 네트워크에는 동기식 갱신 방식을 쓰세요</translation>
    </message>
    <message>
        <source>there is no neuron with id {id!r}</source>
        <translation>id가 {id!r}인 뉴런이 없습니다</translation>
    </message>
    <message>
        <source>there is no synapse {source} → {target}</source>
        <translation>시냅스 {source} → {target}이(가) 없습니다</translation>
    </message>
    <message>
        <source>add_neuron needs a Neuron</source>
        <translation>add_neuron에는 Neuron이 필요합니다</translation>
    </message>
    <message>
        <source>a neuron with id {id!r} already exists</source>
        <translation>id가 {id!r}인 뉴런이 이미 있습니다</translation>
    </message>
    <message>
        <source>connect needs a Synapse</source>
        <translation>connect에는 Synapse가 필요합니다</translation>
    </message>
    <message>
        <source>{source} is already connected to {target}</source>
        <translation>{source}은(는) 이미 {target}에 연결되어 있습니다</translation>
    </message>
    <message>
        <source>{label} is {kind:w}: it has no dendrites, so nothing can connect to it</source>
        <translation>{label}은(는) {kind:w}이므로 수상돌기가 없어 아무것도 연결할 수 없습니다</translation>
    </message>
    <message>
        <source>neurons have no parameter {name!r}</source>
        <translation>뉴런에는 매개변수 {name!r}이(가) 없습니다</translation>
    </message>
    <message>
        <source>{label} has incoming synapses; {kind:w} cannot receive any. Remove them first</source>
        <translation>{label}에 들어오는 시냅스가 있는데, {kind:w}은(는) 시냅스를 받을 수 없습니다. 먼저 그 시냅스를 지우세요</translation>
    </message>
    <message>
        <source>synapses have no parameter {name!r}</source>
        <translation>시냅스에는 매개변수 {name!r}이(가) 없습니다</translation>
    </message>
    <message>
        <source>networks have no parameter {name!r}</source>
        <translation>네트워크에는 매개변수 {name!r}이(가) 없습니다</translation>
    </message>
    <message>
        <source>spike generators belong to spiking networks; switch the model to spiking first (or remove the generators before switching to rate)</source>
        <translation>스파이크 생성기는 스파이킹 네트워크에만 쓸 수 있습니다. 먼저 모델을 스파이킹 모델로 바꾸세요 (발화율 모델로 바꾸려면 먼저 생성기를 지우세요)</translation>
    </message>
    <message>
        <source>this is a spiking network; use the spiking engine</source>
        <translation>스파이킹 네트워크입니다. 스파이킹 모델 엔진을 쓰세요</translation>
    </message>
    <message>
        <source>the number of steps cannot be negative</source>
        <translation>단계 수는 음수일 수 없습니다</translation>
    </message>
    <message>
        <source>--duration-ms is for spiking networks; rate networks count --steps</source>
        <translation>--duration-ms는 스파이킹 네트워크에 씁니다. 발화율 모델 네트워크는 --steps로 단계 수를 정합니다</translation>
    </message>
    <message>
        <source>the duration must be zero or more milliseconds, got {duration:g}</source>
        <translation>지속 시간은 0 ms 이상이어야 하는데 {duration:g}입니다</translation>
    </message>
    <message>
        <source>{duration:g} ms is {steps:.3g} steps of {dt:g} ms; the most a run may take is {limit:,} steps</source>
        <translation>{duration:g} ms는 {dt:g} ms 단계 {steps:.3g}개입니다. 한 번에 최대 {limit:,}단계까지 실행할 수 있습니다</translation>
    </message>
    <message>
        <source>the number of steps must be between 0 and {limit:,}, got {steps}</source>
        <translation>단계 수는 0에서 {limit:,} 사이여야 하는데 {steps}입니다</translation>
    </message>
    <message>
        <source>{steps:,} steps × {neurons:,} neurons is too large a table to print</source>
        <translation>{steps:,}단계 × 뉴런 {neurons:,}개는 출력하기에 너무 큰 표입니다</translation>
    </message>
    <message>
        <source>this run would need about {need:.1f} GB of memory, mostly for {part:w}; at most {limit:.1f} GB may be used (half of this computer&apos;s memory). Run fewer steps, make the longest synaptic delay shorter or the time step larger, or use fewer neurons or synapses</source>
        <translation>이 실행에는 메모리가 약 {need:.1f} GB 필요하고 대부분은 {part:w}에 쓰입니다. 쓸 수 있는 메모리는 최대 {limit:.1f} GB(이 컴퓨터 메모리의 절반)입니다. 단계 수를 줄이거나, 가장 긴 시냅스 지연을 줄이거나 시간 간격을 늘리거나, 뉴런이나 시냅스 수를 줄이세요</translation>
    </message>
    <message>
        <source>{frames} frames of {width} × {height} pixels are too many pixels for one animation (the limit is {limit:,}); choose a smaller scale or fewer frames</source>
        <translation>{width} × {height} 픽셀 프레임 {frames}개는 애니메이션 하나에 너무 많은 픽셀입니다 (한도 {limit:,}). 더 작은 배율이나 더 적은 프레임을 고르세요</translation>
    </message>
    <message>
        <source>input in flight along the synapses</source>
        <translation>시냅스를 따라 전달 중인 입력</translation>
    </message>
    <message>
        <source>the spikes of the run</source>
        <translation>실행 중 생긴 스파이크</translation>
    </message>
    <message>
        <source>the table of activity</source>
        <translation>활동 기록 표</translation>
    </message>
    <message>
        <source>expected ID=VALUE, ID.PARAMETER=VALUE or SOURCE-&gt;TARGET.weight=VALUE</source>
        <translation>ID=VALUE, ID.PARAMETER=VALUE 또는 SOURCE-&gt;TARGET.weight=VALUE 형식이어야 합니다</translation>
    </message>
    <message>
        <source>{target} export does not carry current synapses yet: synapse {source} → {target_id} is a {kind} synapse</source>
        <translation>{target} 내보내기는 아직 전류 시냅스를 담지 못합니다: 시냅스 {source} → {target_id}은(는) {kind} 시냅스입니다</translation>
    </message>
    <message>
        <source>{target} export does not carry current sources yet: generator {id} sends a current ({pattern})</source>
        <translation>{target} 내보내기는 아직 전류원을 담지 못합니다: 생성기 {id}은(는) 전류를 보냅니다 ({pattern})</translation>
    </message>
    <message>
        <source>{target} export does not carry adaptation yet: {id} adapts</source>
        <translation>{target} 내보내기는 아직 적응을 담지 못합니다: {id}은(는) 적응합니다</translation>
    </message>
    <message>
        <source>{target} export does not carry bounds on v yet: {id} has v_min_mV or v_max_mV</source>
        <translation>{target} 내보내기는 아직 v의 한계를 담지 못합니다: {id}에 v_min_mV 또는 v_max_mV가 있습니다</translation>
    </message>
    <message>
        <source>a lesson needs at least one page</source>
        <translation>강의에는 페이지가 하나 이상 있어야 합니다</translation>
    </message>
    <message>
        <source>a truth table has 1 to {most} inputs, not {count}</source>
        <translation>진리표의 입력은 1~{most}개여야 합니다 ({count}개는 안 됩니다)</translation>
    </message>
    <message>
        <source>expected &quot;{name}&quot;, got {value}; this is not a neuron-sim lesson file</source>
        <translation>&quot;{name}&quot;이어야 하는데 {value}입니다. neuron-sim 강의 파일이 아닙니다</translation>
    </message>
    <message>
        <source>there is no example called {name}</source>
        <translation>{name}(이)라는 예제가 없습니다</translation>
    </message>
    <message>
        <source>the synapse {source} → {target} is a {kind} synapse; only delta synapses can learn (STDP)</source>
        <translation>시냅스 {source} → {target}은(는) {kind} 시냅스입니다. delta 시냅스만 학습할 수 있습니다 (STDP)</translation>
    </message>
    <message>
        <source>notes need file format version 3 (this file is version {version})</source>
        <translation>메모에는 파일 형식 버전 3이 필요합니다(이 파일은 버전 {version})</translation>
    </message>
    <message>
        <source>a table of synapses needs file format version 4 (this file is version {version})</source>
        <translation>시냅스 표는 파일 형식 버전 4가 필요합니다 (이 파일은 버전 {version})</translation>
    </message>
    <message>
        <source>a table of synapses cannot hold learning rules; synapses that learn are written as a list of objects</source>
        <translation>시냅스 표에는 학습 규칙을 담을 수 없습니다. 학습하는 시냅스는 객체 목록으로 씁니다</translation>
    </message>
    <message>
        <source>{count} entries, but synapses.source has {expected}: each column holds one entry per synapse</source>
        <translation>항목이 {count}개이지만 synapses.source에는 {expected}개가 있습니다. 열마다 시냅스 하나에 항목 하나가 있어야 합니다</translation>
    </message>
    <message>
        <source>expected a neuron&apos;s index (a whole number), got {value}</source>
        <translation>뉴런의 번호(정수)여야 하는데 {value}입니다</translation>
    </message>
    <message>
        <source>no neuron has the index {index} (the file has {count} neurons, numbered from 0)</source>
        <translation>번호가 {index}인 뉴런이 없습니다 (파일의 뉴런은 {count}개이며 0부터 번호가 매겨집니다)</translation>
    </message>
    <message>
        <source>expected a list, or an object with one field {name} holding base64 text; got {value}</source>
        <translation>목록이나, base64 텍스트를 담은 필드 {name} 하나만 있는 객체여야 하는데 {value}입니다</translation>
    </message>
    <message>
        <source>not valid base64 text</source>
        <translation>올바른 base64 텍스트가 아닙니다</translation>
    </message>
    <message>
        <source>{size} bytes are not a whole number of {name} values ({width} bytes each)</source>
        <translation>{size}바이트는 {name} 값(각 {width}바이트)의 정수 배가 아닙니다</translation>
    </message>
    <message>
        <source>Neuronify runs spiking networks and this one is a rate network; switch it to spiking (Simulation menu) to save it as a Neuronify file</source>
        <translation>Neuronify는 스파이킹 네트워크를 실행하는데 이 네트워크는 레이트 네트워크입니다. Neuronify 파일로 저장하려면 스파이킹으로 바꾸세요(시뮬레이션 메뉴)</translation>
    </message>
    <message>
        <source>expected a list, got {value}</source>
        <translation>목록이어야 하는데 {value}입니다</translation>
    </message>
    <message>
        <source>expected an object, got {value}</source>
        <translation>객체여야 하는데 {value}입니다</translation>
    </message>
    <message>
        <source>expected the index of a node, got {value}</source>
        <translation>노드 번호여야 하는데 {value}입니다</translation>
    </message>
    <message>
        <source>expected the name of a Neuronify item, got {value}</source>
        <translation>Neuronify 항목 이름이어야 하는데 {value}입니다</translation>
    </message>
    <message>
        <source>not a statement of a Neuronify file: {text}</source>
        <translation>Neuronify 파일의 문장이 아닙니다: {text}</translation>
    </message>
    <message>
        <source>the field {name!r} is missing; this is not a Neuronify circuit</source>
        <translation>{name!r} 필드가 없습니다. Neuronify 회로가 아닙니다</translation>
    </message>
    <message>
        <source>the node has no type (its &quot;filename&quot; is missing)</source>
        <translation>노드에 종류가 없습니다(&quot;filename&quot;이 없음)</translation>
    </message>
    <message>
        <source>the properties of {name} are not valid JSON</source>
        <translation>{name}의 속성이 올바른 JSON이 아닙니다</translation>
    </message>
    <message>
        <source>there is no node {index}: the file has {count} nodes (0 to {last})</source>
        <translation>{index}번 노드가 없습니다. 파일의 노드는 {count}개입니다(0부터 {last}까지)</translation>
    </message>
    <message>
        <source>this is not a Neuronify file: Neuronify&apos;s .nfy files are JSON objects with &quot;nodes&quot; and &quot;edges&quot;</source>
        <translation>Neuronify 파일이 아닙니다. Neuronify의 .nfy 파일은 &quot;nodes&quot;와 &quot;edges&quot;가 있는 JSON 객체입니다</translation>
    </message>
    <message>
        <source>this is not a Neuronify file: expected a JSON object at the top</source>
        <translation>Neuronify 파일이 아닙니다. 맨 위에 JSON 객체가 있어야 합니다</translation>
    </message>
    <message>
        <source>this is a sketch of a file format ({section} in braces), not a circuit: no version of Neuronify reads it</source>
        <translation>회로가 아니라 파일 형식의 초안입니다(중괄호 안의 {section}): 어떤 버전의 Neuronify도 읽지 못합니다</translation>
    </message>
    <message>
        <source>unknown Neuronify connection {value}</source>
        <translation>알 수 없는 Neuronify 연결 {value}</translation>
    </message>
    <message>
        <source>unknown Neuronify item {value}</source>
        <translation>알 수 없는 Neuronify 항목 {value}</translation>
    </message>
    <message>
        <source>{count} lines is more than a network file may hold</source>
        <translation>{count}줄은 네트워크 파일이 담을 수 있는 것보다 많습니다</translation>
    </message>
    <message>
        <source>{count} × Neuronify&apos;s first neuron model: imported as leaky neurons with Neuronify&apos;s standard values</source>
        <translation>{count} × Neuronify의 첫 뉴런 모델: Neuronify의 기본값을 가진 누설 뉴런으로 가져옴</translation>
    </message>
    <message>
        <source>{count} × a camera input (Retina): neuron-sim has no camera; left out</source>
        <translation>{count} × 카메라 입력(Retina): neuron-sim에는 카메라가 없어 빠뜨림</translation>
    </message>
    <message>
        <source>{count} × a cell with both excitatory and inhibitory synapses: a Neuronify cell is one or the other; written as excitatory, each synapse with the size of its weight</source>
        <translation>{count} × 흥분성 시냅스와 억제성 시냅스를 모두 가진 세포: Neuronify의 세포는 둘 중 하나이므로 흥분성으로, 각 시냅스는 가중치의 크기로 씀</translation>
    </message>
    <message>
        <source>{count} × a conductance synapse of a version 1–2 file: imported as a current synapse whose current is taken at the target&apos;s resting potential</source>
        <translation>{count} × 버전 1–2 파일의 컨덕턴스 시냅스: 표적 세포의 휴지 전위에서 잰 전류의 전류 시냅스로 가져옴</translation>
    </message>
    <message>
        <source>{count} × a connection neuron-sim cannot draw (to a source, a sensor or a note); left out</source>
        <translation>{count} × neuron-sim이 그릴 수 없는 연결(전원, 센서, 메모로 가는 연결): 빠뜨림</translation>
    </message>
    <message>
        <source>{count} × a connection to or from an item neuron-sim left out</source>
        <translation>{count} × neuron-sim이 빠뜨린 항목과의 연결</translation>
    </message>
    <message>
        <source>{count} × a current source: this neuron-sim has no current sources; its R·I is the constant drive of the cell it feeds</source>
        <translation>{count} × 전류원: 이 neuron-sim에는 전류원이 없어 그 R·I를 받는 세포의 일정한 구동으로 함</translation>
    </message>
    <message>
        <source>{count} × a current synapse: this neuron-sim has no current synapses; imported as a jump of v with the same charge</source>
        <translation>{count} × 전류 시냅스: 이 neuron-sim에는 전류 시냅스가 없어 같은 전하만큼 v가 뛰는 것으로 가져옴</translation>
    </message>
    <message>
        <source>{count} × a generator&apos;s start time or seed: Neuronify&apos;s generators start at once with a random seed; left out</source>
        <translation>{count} × 생성기의 시작 시각이나 시드: Neuronify의 생성기는 곧바로 무작위 시드로 시작하므로 빠뜨림</translation>
    </message>
    <message>
        <source>{count} × a link to the next tutorial: left out (open that file on its own)</source>
        <translation>{count} × 다음 튜토리얼 링크: 빠뜨림(그 파일을 따로 여세요)</translation>
    </message>
    <message>
        <source>{count} × a loudspeaker: neuron-sim plays no sound; left out</source>
        <translation>{count} × 스피커: neuron-sim은 소리를 내지 않아 빠뜨림</translation>
    </message>
    <message>
        <source>{count} × a meter on an item neuron-sim left out</source>
        <translation>{count} × neuron-sim이 빠뜨린 항목에 붙은 측정기</translation>
    </message>
    <message>
        <source>{count} × a second connection between the same two cells: neuron-sim keeps one synapse from a cell to another; left out</source>
        <translation>{count} × 같은 두 세포 사이의 두 번째 연결: neuron-sim은 한 세포에서 다른 세포로 시냅스를 하나만 두므로 빠뜨림</translation>
    </message>
    <message>
        <source>{count} × a synapse that learns (STDP): Neuronify&apos;s synapses do not learn; written with its start weight</source>
        <translation>{count} × 학습하는 시냅스(STDP): Neuronify의 시냅스는 학습하지 않으므로 시작 가중치로 씀</translation>
    </message>
    <message>
        <source>{count} × a synapse that makes v jump: Neuronify&apos;s synapses are currents; written as a current of the same charge with τ = 1 ms</source>
        <translation>{count} × v를 뛰게 하는 시냅스: Neuronify의 시냅스는 전류이므로 같은 전하의 τ = 1 ms 전류로 씀</translation>
    </message>
    <message>
        <source>{count} × an alternating current source: this neuron-sim has no AC sources; left out</source>
        <translation>{count} × 교류 전류원: 이 neuron-sim에는 교류 전원이 없어 빠뜨림</translation>
    </message>
    <message>
        <source>{count} × an ammeter: neuron-sim has no current meter; left out</source>
        <translation>{count} × 전류계: neuron-sim에는 전류 측정기가 없어 빠뜨림</translation>
    </message>
    <message>
        <source>{count} × an empty item of the first Neuronify files: left out</source>
        <translation>{count} × 초기 Neuronify 파일의 빈 항목: 빠뜨림</translation>
    </message>
    <message>
        <source>{count} × an input: written as a touch sensor, which fires while touched</source>
        <translation>{count} × 입력: 누르는 동안 발화하는 터치 센서로 씀</translation>
    </message>
    <message>
        <source>{count} × the adaptation current of an adaptive neuron: this neuron-sim has no adaptation; imported as leaky neurons</source>
        <translation>{count} × 적응 뉴런의 적응 전류: 이 neuron-sim에는 적응이 없어 누설 뉴런으로 가져옴</translation>
    </message>
    <message>
        <source>{count} × the bursting current of a burst neuron: neuron-sim has no bursting current; imported as leaky neurons</source>
        <translation>{count} × 버스트 뉴런의 버스트 전류: neuron-sim에는 버스트 전류가 없어 누설 뉴런으로 가져옴</translation>
    </message>
    <message>
        <source>{name} is not created before it is connected</source>
        <translation>{name}이(가) 연결되기 전에 만들어지지 않았습니다</translation>
    </message>
    <message>
        <source>{value:g} is outside the canvas (±{limit:g})</source>
        <translation>{value:g}은(는) 캔버스 밖입니다(±{limit:g})</translation>
    </message>
    <message>
        <source>{value:g} s is not a positive time constant</source>
        <translation>{value:g} s는 양의 시간 상수가 아닙니다</translation>
    </message>
    <message>
        <source>{value:g} {unit} is not positive</source>
        <translation>{value:g} {unit}은(는) 양수가 아닙니다</translation>
    </message>
    <message>
        <source>{value:g} {unit} is outside the range neuron-sim takes for {name} ({low:g} to {high:g})</source>
        <translation>{value:g} {unit}은(는) neuron-sim이 {name}에 받는 범위({low:g}~{high:g}) 밖입니다</translation>
    </message>
    <message>
        <source>{value} is newer than the Neuronify files neuron-sim reads (versions 1 to {newest})</source>
        <translation>{value}은(는) neuron-sim이 읽는 Neuronify 파일(버전 1~{newest})보다 새롭습니다</translation>
    </message>
    <message>
        <source>this would make {count:,} neurons, and a network may hold at most {limit:,}; delete neurons first, or add fewer</source>
        <translation>이렇게 하면 뉴런이 {count:,}개가 되는데, 네트워크에는 최대 {limit:,}개까지 둘 수 있습니다. 먼저 뉴런을 지우거나 더 적게 추가하세요</translation>
    </message>
    <message>
        <source>this would make {count:,} synapses, and a network may hold at most {limit:,}; delete synapses first, or connect fewer neurons</source>
        <translation>이렇게 하면 시냅스가 {count:,}개가 되는데, 네트워크에는 최대 {limit:,}개까지 둘 수 있습니다. 먼저 시냅스를 지우거나 더 적은 뉴런을 연결하세요</translation>
    </message>
    <message>
        <source>expected [width, height], got {value}</source>
        <translation>[너비, 높이]가 와야 하는데 {value}입니다</translation>
    </message>
    <message>
        <source>notes have no parameter {name!r}</source>
        <translation>메모에는 {name!r} 매개변수가 없습니다</translation>
    </message>
    <message>
        <source>there is no note with id {id!r}</source>
        <translation>id가 {id!r}인 메모가 없습니다</translation>
    </message>
    <message>
        <source>add_note needs a Note</source>
        <translation>add_note에는 Note가 필요합니다</translation>
    </message>
    <message>
        <source>a note with id {id!r} already exists</source>
        <translation>id가 {id!r}인 메모가 이미 있습니다</translation>
    </message>
    <message>
        <source>a network holds at most {limit:,} notes</source>
        <translation>네트워크에는 메모를 {limit:,}개까지만 둘 수 있습니다</translation>
    </message>
    <message>
        <source>{id} is not an input; name the parameter, e.g. {id}.threshold=0.5</source>
        <translation>{id}은(는) 입력이 아닙니다. 매개변수 이름을 붙이세요 (예: {id}.threshold=0.5)</translation>
    </message>
    <message>
        <source>synapses have no parameter {name!r} (they have {names})</source>
        <translation>시냅스에는 매개변수 {name!r}이(가) 없습니다 (있는 것: {names})</translation>
    </message>
    <message>
        <source>neurons have no parameter {name!r} (they have {names})</source>
        <translation>뉴런에는 매개변수 {name!r}이(가) 없습니다 (있는 것: {names})</translation>
    </message>
    <message>
        <source>is a folder, not a data file</source>
        <translation>폴더입니다. 데이터 파일이 아닙니다</translation>
    </message>
    <message>
        <source>row {row} has {count} values, the header {expected}</source>
        <translation>{row}행에 값이 {count}개 있습니다. 머리글에는 {expected}개가 있습니다</translation>
    </message>
    <message>
        <source>row {row} is not valid CSV (check its quotes)</source>
        <translation>{row}행이 올바른 CSV가 아닙니다 (따옴표를 확인하세요)</translation>
    </message>
    <message>
        <source>row {row}, column {column} ({name}) is empty</source>
        <translation>{row}행 {column}열 ({name})이(가) 비어 있습니다</translation>
    </message>
    <message>
        <source>row {row}, column {column} ({name}): {value} is not a number from -1e6 to 1e6</source>
        <translation>{row}행 {column}열 ({name}): {value}은(는) -1e6에서 1e6 사이의 수가 아닙니다</translation>
    </message>
    <message>
        <source>row {row}, column {column} ({name}): {value} is not a number</source>
        <translation>{row}행 {column}열 ({name}): {value}은(는) 수가 아닙니다</translation>
    </message>
    <message>
        <source>row {row}, column {column}: the header cell is empty; it must name an input or output neuron</source>
        <translation>{row}행 {column}열: 머리글 칸이 비어 있습니다. 입력 뉴런이나 출력 뉴런의 이름을 적어야 합니다</translation>
    </message>
    <message>
        <source>row {row}, column {column}: {name} is a hidden neuron; a column names an input or an output (a neuron with no outgoing synapse)</source>
        <translation>{row}행 {column}열: {name}은(는) 은닉층 뉴런입니다. 열에는 입력이나 출력(나가는 시냅스가 없는 뉴런)의 이름을 적습니다</translation>
    </message>
    <message>
        <source>row {row}, column {column}: {name} is named twice (also in column {first})</source>
        <translation>{row}행 {column}열: {name}이(가) 두 번 나옵니다 ({first}열에도 있음)</translation>
    </message>
    <message>
        <source>row {row}, column {column}: {name} is the label of several neurons; name the column by a neuron&apos;s id</source>
        <translation>{row}행 {column}열: {name}은(는) 여러 뉴런의 이름입니다. 열 이름으로 뉴런의 id를 적으세요</translation>
    </message>
    <message>
        <source>row {row}, column {column}: {name} names no neuron of the network</source>
        <translation>{row}행 {column}열: {name}(이)라는 뉴런이 네트워크에 없습니다</translation>
    </message>
    <message>
        <source>row {row}: no column names an input neuron</source>
        <translation>{row}행: 입력 뉴런을 가리키는 열이 없습니다</translation>
    </message>
    <message>
        <source>row {row}: no column names an output neuron (a computing neuron with no outgoing synapse)</source>
        <translation>{row}행: 출력 뉴런(나가는 시냅스가 없는 계산 뉴런)을 가리키는 열이 없습니다</translation>
    </message>
    <message>
        <source>the data file has a header but no examples</source>
        <translation>데이터 파일에 머리글만 있고 예제가 없습니다</translation>
    </message>
    <message>
        <source>the data file holds a NUL character; it is not a text file</source>
        <translation>데이터 파일에 NUL 문자가 있습니다. 텍스트 파일이 아닙니다</translation>
    </message>
    <message>
        <source>the data file is empty</source>
        <translation>데이터 파일이 비어 있습니다</translation>
    </message>
    <message>
        <source>the data file is larger than {limit} MB</source>
        <translation>데이터 파일이 {limit} MB보다 큽니다</translation>
    </message>
    <message>
        <source>the data set {name} needs a network with {need_in} inputs and {need_out} output (a computing neuron with no outgoing synapse); this network&apos;s inputs are {inputs} and its outputs {outputs}</source>
        <translation>데이터 세트 {name}에는 입력 {need_in}개와 출력(나가는 시냅스가 없는 계산 뉴런) {need_out}개인 네트워크가 필요합니다. 이 네트워크의 입력은 {inputs}, 출력은 {outputs}입니다</translation>
    </message>
    <message>
        <source>the noise must be between 0 and 10, not {value}</source>
        <translation>잡음은 0에서 10 사이여야 합니다 ({value}이(가) 아니라)</translation>
    </message>
    <message>
        <source>the number of samples must be a whole number from 2 to {limit}, not {value}</source>
        <translation>표본 수는 2에서 {limit} 사이의 정수여야 합니다 ({value}이(가) 아니라)</translation>
    </message>
    <message>
        <source>unknown data set {name}; expected one of {options} or a .csv file</source>
        <translation>알 수 없는 데이터 세트 {name}. {options} 중 하나나 .csv 파일이어야 합니다</translation>
    </message>
    <message>
        <source>only rate networks can be trained; this one is spiking</source>
        <translation>레이트 네트워크만 학습할 수 있습니다. 이 네트워크는 스파이킹 네트워크입니다</translation>
    </message>
    <message>
        <source>choose examples from 1 to {count}</source>
        <translation>1에서 {count} 사이의 예제를 고르세요</translation>
    </message>
    <message>
        <source>cross-entropy needs sigmoid outputs; {label} uses {activation}</source>
        <translation>교차 엔트로피에는 시그모이드 출력이 필요합니다. {label}은(는) {activation}을(를) 씁니다</translation>
    </message>
    <message>
        <source>cross-entropy needs targets from 0 to 1; example {row} has {value:g} for {name}</source>
        <translation>교차 엔트로피에는 0에서 1 사이의 목표값이 필요합니다. 예제 {row}의 {name} 값은 {value:g}입니다</translation>
    </message>
    <message>
        <source>the batch size must be a whole number from 1 up, not {value}</source>
        <translation>배치 크기는 1 이상의 정수여야 합니다 ({value}이(가) 아니라)</translation>
    </message>
    <message>
        <source>the learning rate must be a number above 0 and at most 1000, not {value}</source>
        <translation>학습률은 0보다 크고 1000 이하인 수여야 합니다 ({value}이(가) 아니라)</translation>
    </message>
    <message>
        <source>the network has no output neuron (a computing neuron with no outgoing synapse)</source>
        <translation>네트워크에 출력 뉴런(나가는 시냅스가 없는 계산 뉴런)이 없습니다</translation>
    </message>
    <message>
        <source>the perceptron rule needs step units; {label} uses {activation}</source>
        <translation>퍼셉트론 규칙에는 계단 함수 뉴런이 필요합니다. {label}은(는) {activation}을(를) 씁니다</translation>
    </message>
    <message>
        <source>the perceptron rule trains one layer of step units; {label} is not an output of the data. Use backprop for hidden layers</source>
        <translation>퍼셉트론 규칙은 계단 함수 뉴런 한 층만 학습합니다. {label}은(는) 데이터의 출력이 아닙니다. 은닉층에는 역전파를 쓰세요</translation>
    </message>
    <message>
        <source>training diverged in epoch {epoch}: a weight or threshold went beyond ±{limit:g}; try a smaller learning rate</source>
        <translation>에포크 {epoch}에서 학습이 발산했습니다: 가중치나 임계값이 ±{limit:g}를 넘었습니다. 더 작은 학습률을 써 보세요</translation>
    </message>
    <message>
        <source>unknown algorithm {name}; expected one of {options}</source>
        <translation>알 수 없는 알고리즘 {name}. {options} 중 하나여야 합니다</translation>
    </message>
    <message>
        <source>unknown initialisation {name}; expected one of {options}</source>
        <translation>알 수 없는 초기화 {name}. {options} 중 하나여야 합니다</translation>
    </message>
    <message>
        <source>unknown loss {name}; expected one of {options}</source>
        <translation>알 수 없는 손실 함수 {name}. {options} 중 하나여야 합니다</translation>
    </message>
    <message>
        <source>{label} is a step unit: its slope is 0 wherever it is defined, so backprop cannot train it. Choose sigmoid for it</source>
        <translation>{label}은(는) 계단 함수 뉴런입니다: 기울기가 정의된 곳에서는 어디나 0이라 역전파로 학습할 수 없습니다. 시그모이드로 바꾸세요</translation>
    </message>
    <message>
        <source>this is a rate network; use the rate engine</source>
        <translation>발화율 모델 네트워크입니다. 발화율 모델 엔진을 쓰세요</translation>
    </message>
    <message>
        <source>an animation has 1 to {limit} frames, not {frames}</source>
        <translation>애니메이션은 1~{limit}프레임이어야 합니다 ({frames}프레임은 안 됩니다)</translation>
    </message>
    <message>
        <source>the frame rate must be between {low:g} and {limit:g} frames per second, got {fps:g}</source>
        <translation>프레임 속도는 초당 {low:g}에서 {limit:g} 사이여야 하는데 {fps:g}입니다</translation>
    </message>
    <message>
        <source>this network cannot run</source>
        <translation>이 네트워크는 실행할 수 없습니다</translation>
    </message>
    <message>
        <source>the animation has no frames</source>
        <translation>애니메이션에 프레임이 없습니다</translation>
    </message>
    <message>
        <source>could not write {path}: {reason:w}</source>
        <translation>{path}에 쓸 수 없습니다: {reason:w}</translation>
    </message>
    <message>
        <source>could not write {path}</source>
        <translation>{path}에 쓸 수 없습니다</translation>
    </message>
    <message>
        <source>an animation is written as .gif or as numbered .png frames</source>
        <translation>애니메이션은 .gif나 번호가 붙은 .png 프레임으로 저장합니다</translation>
    </message>
    <message>
        <source>there is no neuron {id!r} in the figure</source>
        <translation>그림에 뉴런 {id!r}이(가) 없습니다</translation>
    </message>
    <message>
        <source>{id} is not a computing neuron of the figure: Name the parts labels one</source>
        <translation>{id}은(는) 그림의 계산 뉴런이 아닙니다. 부분 이름 보기는 계산 뉴런 하나에 이름표를 붙입니다</translation>
    </message>
    <message>
        <source>the figure has no computing neuron whose parts could be named</source>
        <translation>그림에 부분 이름을 붙일 계산 뉴런이 없습니다</translation>
    </message>
    <message>
        <source>the Keras code and W matrices are for feedforward rate networks with inputs</source>
        <translation>Keras 코드와 W 행렬은 입력이 있는 피드포워드 레이트 네트워크에만 있습니다</translation>
    </message>
    <message>
        <source>unknown background {name!r}: use white or transparent</source>
        <translation>알 수 없는 배경 {name!r}입니다. white(흰색)나 transparent(투명)를 쓰세요</translation>
    </message>
    <message>
        <source>unknown scope {scope!r}</source>
        <translation>알 수 없는 범위 {scope!r}</translation>
    </message>
    <message>
        <source>the scale must be more than 0 and at most {limit:g}, got {scale:g}</source>
        <translation>배율은 0보다 크고 {limit:g} 이하여야 하는데 {scale:g}입니다</translation>
    </message>
    <message>
        <source>nothing is selected: select neurons to draw, or draw the whole network</source>
        <translation>선택한 것이 없습니다. 그릴 뉴런을 선택하거나 네트워크 전체를 그리세요</translation>
    </message>
    <message>
        <source>the network is empty: there is nothing to draw</source>
        <translation>네트워크가 비어 있어 그릴 것이 없습니다</translation>
    </message>
    <message>
        <source>{width} × {height} pixels is too large; choose a smaller scale</source>
        <translation>{width} × {height} 픽셀은 너무 큽니다. 더 작은 배율을 고르세요</translation>
    </message>
    <message>
        <source>unknown format {format!r}: use one of {formats}</source>
        <translation>알 수 없는 형식 {format!r}입니다. 다음 중 하나를 쓰세요: {formats}</translation>
    </message>
    <message>
        <source>unknown format {suffix:w}; use .png, .svg or .pdf</source>
        <translation>알 수 없는 형식 {suffix:w}입니다. .png, .svg, .pdf 중 하나로 저장하세요</translation>
    </message>
    <message>
        <source>an input</source>
        <translation>입력</translation>
    </message>
    <message>
        <source>a neuron</source>
        <translation>뉴런</translation>
    </message>
    <message>
        <source>a generator</source>
        <translation>생성기</translation>
    </message>
    <message>
        <source>an object</source>
        <translation>객체</translation>
    </message>
    <message>
        <source>a list</source>
        <translation>목록</translation>
    </message>
    <message>
        <source>text</source>
        <translation>텍스트</translation>
    </message>
    <message>
        <source>a number</source>
        <translation>숫자</translation>
    </message>
    <message>
        <source>true/false</source>
        <translation>참/거짓(true/false)</translation>
    </message>
    <message>
        <source>null</source>
        <translation>빈 값(null)</translation>
    </message>
    <message>
        <source>(no suffix)</source>
        <translation>(확장자 없음)</translation>
    </message>
    <message>
        <source>Expecting value</source>
        <translation>값이 있어야 합니다</translation>
    </message>
    <message>
        <source>Expecting property name enclosed in double quotes</source>
        <translation>큰따옴표로 감싼 항목 이름이 있어야 합니다</translation>
    </message>
    <message>
        <source>Expecting &apos;:&apos; delimiter</source>
        <translation>&apos;:&apos; 구분 기호가 있어야 합니다</translation>
    </message>
    <message>
        <source>Expecting &apos;,&apos; delimiter</source>
        <translation>&apos;,&apos; 구분 기호가 있어야 합니다</translation>
    </message>
    <message>
        <source>Extra data</source>
        <translation>JSON이 끝난 뒤에 내용이 더 있습니다</translation>
    </message>
    <message>
        <source>Invalid control character at</source>
        <translation>문자열 안에 쓸 수 없는 제어 문자가 있습니다</translation>
    </message>
    <message>
        <source>Unterminated string starting at</source>
        <translation>닫히지 않은 문자열이 있습니다</translation>
    </message>
    <message>
        <source>No such file or directory</source>
        <translation>파일이나 폴더가 없습니다</translation>
    </message>
    <message>
        <source>Permission denied</source>
        <translation>권한이 없습니다</translation>
    </message>
    <message>
        <source>Operation not permitted</source>
        <translation>허용되지 않는 작업입니다</translation>
    </message>
    <message>
        <source>Read-only file system</source>
        <translation>읽기 전용 파일 시스템입니다</translation>
    </message>
    <message>
        <source>No space left on device</source>
        <translation>디스크 공간이 부족합니다</translation>
    </message>
    <message>
        <source>Disk quota exceeded</source>
        <translation>디스크 할당량을 넘었습니다</translation>
    </message>
    <message>
        <source>Disc quota exceeded</source>
        <translation>디스크 할당량을 넘었습니다</translation>
    </message>
    <message>
        <source>Is a directory</source>
        <translation>폴더입니다</translation>
    </message>
    <message>
        <source>Not a directory</source>
        <translation>폴더가 아닙니다</translation>
    </message>
    <message>
        <source>File exists</source>
        <translation>파일이 이미 있습니다</translation>
    </message>
    <message>
        <source>File name too long</source>
        <translation>파일 이름이 너무 깁니다</translation>
    </message>
    <message>
        <source>Input/output error</source>
        <translation>입출력 오류가 났습니다</translation>
    </message>
    <message>
        <source>Too many levels of symbolic links</source>
        <translation>심볼릭 링크가 너무 여러 번 이어집니다</translation>
    </message>
    <message>
        <source>not a regular file</source>
        <translation>일반 파일이 아님</translation>
    </message>
    <message>
        <source>Device or resource busy</source>
        <translation>장치나 자원이 사용 중입니다</translation>
    </message>
    <message>
        <source>Resource busy</source>
        <translation>자원이 사용 중입니다</translation>
    </message>
    <message>
        <source>Stale file handle</source>
        <translation>파일 핸들이 더 이상 유효하지 않습니다(네트워크 드라이브)</translation>
    </message>
    <message>
        <source>Access is denied</source>
        <translation>접근이 거부되었습니다</translation>
    </message>
    <message>
        <source>The system cannot find the path specified</source>
        <translation>지정한 경로를 찾을 수 없습니다</translation>
    </message>
    <message>
        <source>The process cannot access the file because it is being used by another process</source>
        <translation>다른 프로그램이 파일을 사용 중이어서 접근할 수 없습니다</translation>
    </message>
    <message>
        <source>embedded null byte</source>
        <translation>경로에 NUL 문자가 들어 있습니다</translation>
    </message>
</context>
<context>
    <name>ExampleCard</name>
    <message>
        <source>Open “%1” as a new, untitled network</source>
        <translation>“%1”을(를) 제목 없는 새 네트워크로 열기</translation>
    </message>
</context>
<context>
    <name>ExampleInfoBar</name>
    <message>
        <source>Hide this text</source>
        <translation>이 설명 숨기기</translation>
    </message>
</context>
<context>
    <name>Examples</name>
    <message>
        <source>One neuron</source>
        <translation>뉴런 하나</translation>
    </message>
    <message>
        <source>Logic gates</source>
        <translation>논리 게이트</translation>
    </message>
    <message>
        <source>Layers</source>
        <translation>층</translation>
    </message>
    <message>
        <source>Spiking neurons</source>
        <translation>스파이킹 뉴런</translation>
    </message>
    <message>
        <source>Learning</source>
        <translation>학습</translation>
    </message>
    <message>
        <source>One artificial neuron</source>
        <translation>인공 뉴런 하나</translation>
    </message>
    <message>
        <source>Three inputs x0, x1, x2 reach one neuron through synapses of strength w0 = 0.6, w1 = 0.6 and w2 = -0.5. The neuron adds w0·x0 + w1·x1 + w2·x2 (Σ) and its activation function f fires when the sum reaches the threshold 1. Press Play, then click x1 to switch it on: 0.6 + 0.6 = 1.2 reaches the threshold and y fires. Then switch x2 on: its negative weight holds y back.</source>
        <translation>입력 x0, x1, x2가 강도 w0 = 0.6, w1 = 0.6, w2 = -0.5인 시냅스를 거쳐 뉴런 하나에 닿습니다. 뉴런은 w0·x0 + w1·x1 + w2·x2를 더하고(Σ, 가중합), 합이 임계값 1에 이르면 활성화 함수 f가 발화합니다. 재생을 누른 뒤 x1을 클릭해 켜 보세요: 0.6 + 0.6 = 1.2가 임계값에 이르러 y가 발화합니다. 이어서 x2를 켜면 음의 가중치가 y를 억누릅니다.</translation>
    </message>
    <message>
        <source>A logistic-regression unit</source>
        <translation>로지스틱 회귀 유닛</translation>
    </message>
    <message>
        <source>Three inputs x1, x2, x3 and a sigmoid activation: a = σ(w·x + b) lies between 0 and 1, so it can be read as a probability. Press Play, then double-click an input, type a value between 0 and 1, and watch a slide smoothly instead of jumping.</source>
        <translation>입력 x1, x2, x3과 시그모이드 활성화 함수: a = σ(w·x + b)는 0과 1 사이에 있으므로 확률로 읽을 수 있습니다. 재생을 누른 뒤 입력을 더블클릭해 0과 1 사이의 값을 입력하고, a가 뛰지 않고 부드럽게 움직이는 것을 보세요.</translation>
    </message>
    <message>
        <source>AND gate</source>
        <translation>AND 게이트</translation>
    </message>
    <message>
        <source>Two inputs, one threshold unit. The output y fires only when x1 AND x2 are on: 1·x1 + 1·x2 must reach the threshold 1.5. Press Play, then click x2 to switch it on: y fires. Switch either input off and it stops.</source>
        <translation>입력 두 개, 임계값 유닛 하나. 출력 y는 x1과(AND) x2가 모두 켜졌을 때만 발화합니다: 1·x1 + 1·x2가 임계값 1.5에 이르러야 합니다. 재생을 누른 뒤 x2를 클릭해 켜면 y가 발화합니다. 어느 입력이든 끄면 멈춥니다.</translation>
    </message>
    <message>
        <source>OR gate</source>
        <translation>OR 게이트</translation>
    </message>
    <message>
        <source>Two inputs, one threshold unit. The output fires when x1 OR x2 (or both) is on: one input alone, 1·x1 = 1, already reaches the threshold 0.5. Press Play and click the inputs to go through the truth table.</source>
        <translation>입력 두 개, 임계값 유닛 하나. x1 또는(OR) x2(또는 둘 다)가 켜지면 출력이 발화합니다: 입력 하나만으로도 1·x1 = 1이 임계값 0.5에 이릅니다. 재생을 누르고 입력을 클릭하며 진리표를 차례로 확인해 보세요.</translation>
    </message>
    <message>
        <source>NOT gate</source>
        <translation>NOT 게이트</translation>
    </message>
    <message>
        <source>One input and an inhibitory synapse (w = -1). With the threshold -0.5 the unit fires while x1 is off and falls silent when x1 is on: the output is the opposite of the input. Press Play and click x1.</source>
        <translation>입력 하나와 억제성 시냅스(w = -1). 임계값이 -0.5이므로 x1이 꺼져 있으면 유닛이 발화하고, x1이 켜지면 잠잠해집니다: 출력은 입력의 반대입니다. 재생을 누르고 x1을 클릭하세요.</translation>
    </message>
    <message>
        <source>NAND gate</source>
        <translation>NAND 게이트</translation>
    </message>
    <message>
        <source>NOT AND: the output is on unless both inputs are on. The weights are negative (-1) and the threshold is -1.5, so only the sum -2 of two active inputs falls below it. Press Play and switch one input off: y fires.</source>
        <translation>NOT AND: 두 입력이 모두 켜졌을 때만 빼고 출력이 켜집니다. 가중치는 음수(-1)이고 임계값은 -1.5이므로, 두 입력이 모두 켜져 합이 -2일 때만 임계값 아래로 내려갑니다. 재생을 누르고 입력 하나를 끄면 y가 발화합니다.</translation>
    </message>
    <message>
        <source>XOR needs a hidden layer</source>
        <translation>XOR에는 은닉층이 필요합니다</translation>
    </message>
    <message>
        <source>No single threshold unit computes XOR. Two hidden units do: h1 is OR, h2 is NAND, and the output y is their AND. Press Play and click the inputs through 00, 01, 10, 11: y fires only when exactly one input is on.</source>
        <translation>임계값 유닛 하나로는 XOR를 계산할 수 없습니다. 은닉 유닛 두 개면 됩니다: h1은 OR, h2는 NAND이고 출력 y는 둘의 AND입니다. 재생을 누르고 입력을 00, 01, 10, 11로 차례로 클릭해 보세요: 입력이 정확히 하나만 켜졌을 때 y가 발화합니다.</translation>
    </message>
    <message>
        <source>Learning XOR with backprop</source>
        <translation>역전파로 XOR 배우기</translation>
    </message>
    <message>
        <source>A Dense layer: 3 inputs, 2 neurons</source>
        <translation>Dense 층: 입력 3개, 뉴런 2개</translation>
    </message>
    <message>
        <source>Three signals x0, x1, x2 reach two neurons: 3 × 2 = 6 connections, each with its own weight. In Keras this layer is Dense(2, input_shape=(3,)); its 3 × 2 weight matrix W holds the six weights, and the outputs are the weighted sums y = x·W (linear activation, bias 0). Press Play, then double-click a weight and change it: the matrix and y1, y2 follow.</source>
        <translation>신호 x0, x1, x2가 뉴런 두 개에 닿습니다: 연결은 3 × 2 = 6개이고 각각 자기 가중치가 있습니다. Keras에서 이 층은 Dense(2, input_shape=(3,))입니다. 3 × 2 가중치 행렬 W에 가중치 여섯 개가 들어 있고, 출력은 가중합 y = x·W입니다(선형 활성화, 편향 0). 재생을 누른 뒤 가중치를 더블클릭해 바꿔 보세요: 행렬과 y1, y2가 따라 바뀝니다.</translation>
    </message>
    <message>
        <source>Stacked layers: a small multi-layer network</source>
        <translation>층 쌓기: 작은 다층 신경망</translation>
    </message>
    <message>
        <source>Two Dense layers stacked: 3 inputs → 4 hidden neurons (ReLU) → 2 outputs (sigmoid). The outputs of one layer are the inputs of the next. In Keras: Dense(4, input_shape=(3,), activation=&apos;relu&apos;) and then Dense(2, activation=&apos;sigmoid&apos;). Press Play and watch the signal pass layer by layer.</source>
        <translation>Dense 층 두 개를 쌓았습니다: 입력 3개 → 은닉층 뉴런 4개(ReLU) → 출력 2개(시그모이드). 한 층의 출력이 다음 층의 입력이 됩니다. Keras에서는 Dense(4, input_shape=(3,), activation=&apos;relu&apos;) 다음에 Dense(2, activation=&apos;sigmoid&apos;)입니다. 재생을 누르고 신호가 층별로 지나가는 것을 보세요.</translation>
    </message>
    <message>
        <source>Learning AND with a perceptron</source>
        <translation>퍼셉트론으로 AND 배우기</translation>
    </message>
    <message>
        <source>One step unit starts with both weights 0.5 and the threshold 0, so it answers 1 to every input: it has not learnt AND yet. The Train dock is set to the perceptron rule on the AND truth table. Press Step one example: the example&apos;s inputs go in, the output y is compared with the target t, and each weight changes by lr·(t − y)·x. Press Train: from epoch 3 on no example is wrong. Then choose XOR as the data, press Reset weights and train again: the perceptron never stops making mistakes.</source>
        <translation>계단 함수 뉴런 하나가 두 가중치 0.5, 임계값 0에서 시작하므로 모든 입력에 1로 답합니다: 아직 AND를 배우지 않았습니다. 학습 패널은 AND 진리표에 퍼셉트론 규칙을 쓰도록 맞춰져 있습니다. 예제 하나 학습을 누르세요: 예제의 입력이 들어가고, 출력 y를 목표값 t와 비교하고, 각 가중치가 lr·(t − y)·x만큼 바뀝니다. 학습을 누르세요: 에포크 3부터는 틀리는 예제가 없습니다. 그다음 데이터로 XOR를 고르고 가중치 되돌리기를 누른 뒤 다시 학습하세요: 퍼셉트론은 끝까지 틀립니다.</translation>
    </message>
    <message>
        <source>The XOR network of two hidden units, with sigmoid units and small start weights: it does not compute XOR yet. Press Play and click the inputs through 00, 01, 10, 11: y stays between 0.63 and 0.7 for all four. The Train dock is set to backprop on the XOR truth table: press Step one example to see the forward pass, the error signals δ flowing back and each weight changing, then Train and watch the loss fall and the decision boundary bend until it reaches 100 %. The same on the command line: neuron-sim train learn-xor.json --data xor --epochs 1000 --lr 1 -o trained.json, then open trained.json and try the inputs again.</source>
        <translation>은닉 유닛 둘로 된 XOR 네트워크에 시그모이드 유닛과 작은 시작 가중치를 넣었습니다: 아직 XOR를 계산하지 못합니다. 재생을 누르고 입력을 00, 01, 10, 11로 바꿔 보세요: y는 네 경우 모두 0.63과 0.7 사이에 머뭅니다. 학습 패널은 XOR 진리표에 역전파를 쓰도록 맞춰져 있습니다: 예제 하나 학습을 누르면 순전파, 거꾸로 흐르는 오차 신호 δ, 각 가중치의 변화가 보이고, 학습을 누르면 손실이 줄고 결정 경계가 휘어 100 %에 이릅니다. 명령줄에서도 같습니다: neuron-sim train learn-xor.json --data xor --epochs 1000 --lr 1 -o trained.json 을 실행한 뒤 trained.json을 열어 입력을 다시 바꿔 보세요.</translation>
    </message>
    <message>
        <source>A logistic unit learns two clouds of points</source>
        <translation>로지스틱 유닛이 두 점 구름을 구분하기</translation>
    </message>
    <message>
        <source>A logistic-regression unit, a = σ(w1·x1 + w2·x2 − θ), learns to tell two clouds of points apart. The Train dock is set to the two-blobs data, the cross-entropy loss and the learning rate 0.5. Its map shows a over the plane of x1 and x2 with the points on it. Press Train and watch the boundary a = 0.5, a straight line, turn until it separates the clouds: the accuracy reaches 99 %.</source>
        <translation>로지스틱 회귀 유닛 a = σ(w1·x1 + w2·x2 − θ)가 두 점 구름을 구분하도록 배웁니다. 학습 패널은 두 점 구름 데이터, 교차 엔트로피 손실, 학습률 0.5로 맞춰져 있습니다. 지도는 x1과 x2 평면 위의 a를 점들과 함께 보여 줍니다. 학습을 누르고 a = 0.5인 경계, 곧 직선이 두 구름을 가를 때까지 도는 모습을 보세요: 정확도가 99 %에 이릅니다.</translation>
    </message>
    <message>
        <source>Integrate and fire</source>
        <translation>적분-발화</translation>
    </message>
    <message>
        <source>The cell stores what it receives until it overflows, then fires. Each input spike lifts n1&apos;s membrane potential by 7 mV; between spikes it leaks back toward rest. Press Play: only after several inputs in a row does n1 reach the threshold line, fire, and send a spike on to n2.</source>
        <translation>세포는 받은 것을 넘칠 때까지 모았다가 발화합니다. 입력 스파이크 하나가 n1의 막전위를 7 mV 올리고, 스파이크 사이에는 휴지 전위 쪽으로 새어 나갑니다. 재생을 눌러 보세요: 입력이 여러 번 연달아 와야 n1이 임계값 선에 이르러 발화하고 n2로 스파이크를 보냅니다.</translation>
    </message>
    <message>
        <source>A chain of spiking neurons</source>
        <translation>스파이킹 뉴런의 사슬</translation>
    </message>
    <message>
        <source>A generator fires 10 times a second. Each spike travels down the axon and, after the synaptic delay of 8 ms, lifts the next cell&apos;s membrane potential past its threshold. Press Play and watch the signal travel along the chain; make a delay longer in the inspector and see it arrive later.</source>
        <translation>생성기가 1초에 10번 발화합니다. 스파이크는 축삭돌기를 따라 내려가 시냅스 지연 8 ms 뒤에 다음 세포의 막전위를 임계값 너머로 올립니다. 재생을 누르고 신호가 사슬을 따라 이동하는 것을 보세요. 속성 창에서 지연을 늘리면 더 늦게 도착합니다.</translation>
    </message>
    <message>
        <source>Excitation and inhibition</source>
        <translation>흥분과 억제</translation>
    </message>
    <message>
        <source>Two sensors reach one cell. Each spike of the excitatory synapse (+20 mV) lifts the membrane potential past the threshold, so the cell fires. Switch the inhibitory sensor on: its synapse (-20 mV) pulls the potential below rest just before each excitatory spike arrives, and the cell falls silent.</source>
        <translation>센서 두 개가 세포 하나에 닿습니다. 흥분성 시냅스(+20 mV)의 스파이크마다 막전위가 임계값을 넘어 세포가 발화합니다. 억제성 센서를 켜 보세요: 그 시냅스(-20 mV)가 흥분성 스파이크가 도착하기 직전에 전위를 휴지 전위 아래로 끌어내려 세포가 잠잠해집니다.</translation>
    </message>
    <message>
        <source>excitatory</source>
        <translation>흥분성</translation>
    </message>
    <message>
        <source>inhibitory</source>
        <translation>억제성</translation>
    </message>
    <message>
        <source>Summation of two inputs</source>
        <translation>두 입력의 합산</translation>
    </message>
    <message>
        <source>Each synapse lifts the membrane potential by 9 mV, less than the 15 mV from rest to threshold, so one input alone never makes the cell fire. Switch x2 on as well: the two inputs arrive together, add up to 18 mV and the cell fires.</source>
        <translation>시냅스 하나는 막전위를 9 mV 올리는데, 이는 휴지 전위에서 임계값까지의 15 mV보다 작아서 입력 하나만으로는 세포가 발화하지 않습니다. x2도 켜 보세요: 두 입력이 함께 도착해 18 mV가 되고 세포가 발화합니다.</translation>
    </message>
    <message>
        <source>The refractory period</source>
        <translation>불응기</translation>
    </message>
    <message>
        <source>One generator sends a spike every 2.5 ms to two cells; each spike alone is enough to fire them. n1 rests for 2 ms after a spike and follows almost every input. n2 rests for 10 ms and ignores the inputs that arrive meanwhile, so it fires far less often. Change n2&apos;s refractory period in the inspector and compare.</source>
        <translation>생성기 하나가 2.5 ms마다 세포 두 개에 스파이크를 보냅니다. 스파이크 하나로도 둘 다 발화하기에 충분합니다. n1은 스파이크 뒤 2 ms 쉬므로 거의 모든 입력을 따라갑니다. n2는 10 ms 쉬는 동안 도착한 입력을 무시하므로 훨씬 드물게 발화합니다. 속성 창에서 n2의 불응기를 바꿔 비교해 보세요.</translation>
    </message>
    <message>
        <source>Lateral inhibition</source>
        <translation>측면 억제</translation>
    </message>
    <message>
        <source>Three sensors side by side; the middle one, s2, is stimulated hardest. Each cell inhibits its neighbours. n2 reaches the threshold first and its inhibition keeps n1 and n3 silent: the strongest signal wins and the contrast is sharpened. Switch s2 off and n1 and n3 start firing.</source>
        <translation>센서 세 개가 나란히 있고, 가운데 s2가 가장 세게 자극됩니다. 각 세포는 이웃을 억제합니다. n2가 먼저 임계값에 이르고, 그 억제가 n1과 n3을 잠잠하게 합니다: 가장 센 신호가 이기고 대비가 뚜렷해집니다. s2를 끄면 n1과 n3이 발화하기 시작합니다.</translation>
    </message>
    <message>
        <source>Mutual inhibition: a rhythm generator</source>
        <translation>상호 억제: 리듬 생성기</translation>
    </message>
    <message>
        <source>Two cells with a steady drive would fire on their own, almost together. Each inhibits the other, so they are pushed apart and fire in turn: A, B, A, B, a rhythm like the one that alternates left and right steps in walking. Set both weights to 0 and they fire together again.</source>
        <translation>일정한 구동 입력을 받는 두 세포는 혼자서도 거의 동시에 발화할 것입니다. 서로를 억제하므로 엇갈려 번갈아 발화합니다: A, B, A, B. 걸을 때 왼발과 오른발을 번갈아 내딛게 하는 리듬과 같습니다. 두 가중치를 0으로 바꾸면 다시 함께 발화합니다.</translation>
    </message>
    <message>
        <source>A reflex arc</source>
        <translation>반사궁</translation>
    </message>
    <message>
        <source>A touch on the skin excites a sensor; its signal reaches an interneuron in the spinal cord, which excites a motor neuron that makes the muscle contract. Play and follow each spike: sensor, then interneuron, then motor neuron, each a synaptic delay later. Click the sensor to switch it off and on.</source>
        <translation>피부에 닿는 자극이 센서를 흥분시킵니다. 그 신호는 척수의 중간 뉴런에 닿고, 중간 뉴런은 근육을 수축시키는 운동 뉴런을 흥분시킵니다. 재생하고 스파이크를 따라가 보세요: 센서, 중간 뉴런, 운동 뉴런 순으로 시냅스 지연만큼씩 늦게 발화합니다. 센서를 클릭하면 끄고 켤 수 있습니다.</translation>
    </message>
    <message>
        <source>sensor</source>
        <translation>센서</translation>
    </message>
    <message>
        <source>interneuron</source>
        <translation>중간 뉴런</translation>
    </message>
    <message>
        <source>motor neuron</source>
        <translation>운동 뉴런</translation>
    </message>
    <message>
        <source>Backprop or the brain? 1: backprop</source>
        <translation>역전파일까, 뇌일까? 1: 역전파</translation>
    </message>
    <message>
        <source>The same task as its twin, &quot;Backprop or the brain? 2: STDP&quot;: y should fire when x1 or x2 is on (OR). Here y is an artificial neuron, y = σ(0.2·x1 + 0.2·x2 − 1), below 0.5 for every input: it does not compute OR yet. Backprop learns OR from examples. It needs to know the target t of every example, the error y − t at the output, and the weights the error travels back through; then it changes each weight against its gradient. On the command line: neuron-sim train backprop-or-brain-backprop.json --data or --epochs 300 --lr 2 -o trained.json, then open trained.json and click the inputs: y is above 0.5 unless both are off.</source>
        <translation>쌍둥이 예제 “역전파일까, 뇌일까? 2: STDP”와 같은 과제입니다: x1 또는 x2가 켜지면 y가 발화해야 합니다(OR). 여기서 y는 인공 뉴런 y = σ(0.2·x1 + 0.2·x2 − 1)이고, 모든 입력에서 0.5보다 작아 아직 OR을 계산하지 못합니다. 역전파는 예시들로부터 OR을 배웁니다. 이를 위해 모든 예시의 목표값 t, 출력의 오차 y − t, 그리고 오차가 거꾸로 거쳐 갈 가중치를 알아야 하며, 그런 다음 각 가중치를 기울기의 반대 방향으로 바꿉니다. 명령줄에서: neuron-sim train backprop-or-brain-backprop.json --data or --epochs 300 --lr 2 -o trained.json 을 실행한 뒤 trained.json을 열고 입력을 클릭해 보세요: 둘 다 꺼진 경우가 아니면 y가 0.5보다 큽니다.</translation>
    </message>
    <message>
        <source>Backprop or the brain? 2: STDP</source>
        <translation>역전파일까, 뇌일까? 2: STDP</translation>
    </message>
    <message>
        <source>The same task, OR, learned the brain&apos;s way. x1 and x2 fire every 20 ms, and 3 ms after each of their spikes reaches y the teacher makes y fire. The synapses x1 → y and x2 → y learn by STDP: a spike that arrives just before y fires strengthens its synapse, one that arrives just after weakens it. Nothing is sent back: each synapse knows only when its own two cells fired. Press Play and watch both grow, from 4 mV and 2 mV, to 16 mV (View → Instruments → Weights). Then click the teacher off and x2 off: x1 alone now makes y fire, which 4 mV could not. Reset returns to the start weights. Backprop needed the target and the error of every example; STDP needs only the teacher&apos;s spikes at the right moment.</source>
        <translation>같은 과제 OR을 뇌의 방식으로 배웁니다. x1과 x2는 20 ms마다 발화하고, 그 스파이크가 y에 도착하고 3 ms 뒤에 교사가 y를 발화시킵니다. 시냅스 x1 → y와 x2 → y는 STDP로 배웁니다: y가 발화하기 직전에 도착한 스파이크는 그 시냅스를 강하게 하고, 직후에 도착한 스파이크는 약하게 합니다. 거꾸로 보내지는 것은 없습니다: 각 시냅스는 자기 두 세포가 언제 발화했는지만 압니다. 재생을 누르고 두 가중치가 4 mV와 2 mV에서 16 mV로 자라는 것을 보세요(보기 → 계측기 → 가중치). 그런 다음 교사와 x2를 클릭해 끄세요: 이제 x1 혼자서도 y를 발화시킵니다. 4 mV로는 할 수 없던 일입니다. 초기화하면 처음 가중치로 돌아갑니다. 역전파에는 모든 예시의 목표값과 오차가 필요했지만, STDP에는 알맞은 순간의 교사 스파이크만 있으면 됩니다.</translation>
    </message>
    <message>
        <source>teacher</source>
        <translation>교사</translation>
    </message>
</context>
<context>
    <name>ExamplesMenu</name>
    <message>
        <source>&amp;Start page…</source>
        <translation>시작 페이지(&amp;S)…</translation>
    </message>
    <message>
        <source>The classroom examples with pictures, and where to begin</source>
        <translation>그림과 함께 보는 수업용 예제, 그리고 시작하는 곳</translation>
    </message>
    <message>
        <source>E&amp;xamples</source>
        <translation>예제(&amp;X)</translation>
    </message>
    <message>
        <source>No such example</source>
        <translation>그런 예제가 없습니다</translation>
    </message>
    <message>
        <source>There is no example called %1.</source>
        <translation>%1(이)라는 예제가 없습니다.</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>Export animation</source>
        <translation>애니메이션 내보내기</translation>
    </message>
    <message>
        <source>Export figure</source>
        <translation>그림 내보내기</translation>
    </message>
    <message>
        <source>Animated GIF</source>
        <translation>움직이는 GIF</translation>
    </message>
    <message>
        <source>Numbered PNG frames</source>
        <translation>번호 붙은 PNG 프레임</translation>
    </message>
    <message>
        <source>PNG image</source>
        <translation>PNG 이미지</translation>
    </message>
    <message>
        <source>SVG drawing (vector)</source>
        <translation>SVG 그림 (벡터)</translation>
    </message>
    <message>
        <source>PDF document (vector)</source>
        <translation>PDF 문서 (벡터)</translation>
    </message>
    <message>
        <source>Format:</source>
        <translation>형식:</translation>
    </message>
    <message>
        <source>The whole network</source>
        <translation>네트워크 전체</translation>
    </message>
    <message>
        <source>The selection</source>
        <translation>선택한 것</translation>
    </message>
    <message>
        <source>The visible area</source>
        <translation>보이는 영역</translation>
    </message>
    <message>
        <source>Select neurons first</source>
        <translation>먼저 뉴런을 선택하세요</translation>
    </message>
    <message>
        <source>What:</source>
        <translation>대상:</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>기타</translation>
    </message>
    <message>
        <source>Dots per inch when printed at the size the network has on screen</source>
        <translation>화면에 보이는 크기로 인쇄할 때의 인치당 점 수</translation>
    </message>
    <message>
        <source>Size:</source>
        <translation>크기:</translation>
    </message>
    <message>
        <source>White</source>
        <translation>흰색</translation>
    </message>
    <message>
        <source>Transparent</source>
        <translation>투명</translation>
    </message>
    <message>
        <source>Background:</source>
        <translation>배경:</translation>
    </message>
    <message>
        <source>Biological (cells)</source>
        <translation>생물학적 모습 (세포)</translation>
    </message>
    <message>
        <source>Schematic (Σ and f)</source>
        <translation>도식 (Σ와 f)</translation>
    </message>
    <message>
        <source>Blocks (× w, Σ, f)</source>
        <translation>블록 (× w, Σ, f)</translation>
    </message>
    <message>
        <source>Look:</source>
        <translation>모습:</translation>
    </message>
    <message>
        <source>As it is now (lit neurons, pulses)</source>
        <translation>지금 모습 그대로 (켜진 뉴런, 펄스)</translation>
    </message>
    <message>
        <source>At rest</source>
        <translation>휴지 상태</translation>
    </message>
    <message>
        <source>Activity:</source>
        <translation>활동:</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>보이기</translation>
    </message>
    <message>
        <source>Weights</source>
        <translation>가중치</translation>
    </message>
    <message>
        <source>Thresholds</source>
        <translation>임계값</translation>
    </message>
    <message>
        <source>Neuron names</source>
        <translation>뉴런 이름</translation>
    </message>
    <message>
        <source>Legend</source>
        <translation>범례</translation>
    </message>
    <message>
        <source>Name the parts</source>
        <translation>부분 이름 보기</translation>
    </message>
    <message>
        <source>Callouts naming one neuron&apos;s parts, as View → Name the parts shows them (that neuron, else the selected or a computing one)</source>
        <translation>보기 → 부분 이름 보기처럼 뉴런 하나의 부분에 이름표를 붙입니다 (그 뉴런, 없으면 선택한 뉴런이나 계산 뉴런)</translation>
    </message>
    <message>
        <source>Keras code and W</source>
        <translation>Keras 코드와 W</translation>
    </message>
    <message>
        <source>Each layer as a Keras Dense line and its weight matrix W, under the network</source>
        <translation>층마다 Keras Dense 한 줄과 가중치 행렬 W를 네트워크 아래에 넣습니다</translation>
    </message>
    <message>
        <source>Only for feedforward rate networks with inputs</source>
        <translation>입력이 있는 피드포워드 레이트 네트워크에만 있습니다</translation>
    </message>
    <message>
        <source>No title</source>
        <translation>제목 없음</translation>
    </message>
    <message>
        <source>Title:</source>
        <translation>제목:</translation>
    </message>
    <message>
        <source>None</source>
        <translation>없음</translation>
    </message>
    <message>
        <source>Write out a = f(Σ wᵢxᵢ − θ) for this neuron, with its numbers</source>
        <translation>이 뉴런의 a = f(Σ wᵢxᵢ − θ)를 실제 수와 함께 적기</translation>
    </message>
    <message>
        <source>Computation of:</source>
        <translation>계산 보이기:</translation>
    </message>
    <message>
        <source>Save…</source>
        <translation>저장…</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>복사</translation>
    </message>
    <message>
        <source>Copy the figure to the clipboard (Ctrl+Shift+C later copies it again)</source>
        <translation>그림을 클립보드에 복사 (나중에 Ctrl+Shift+C로 다시 복사)</translation>
    </message>
    <message>
        <source> ms</source>
        <translation> ms</translation>
    </message>
    <message>
        <source> ticks</source>
        <translation> 틱</translation>
    </message>
    <message>
        <source>How far the network runs from its current state</source>
        <translation>현재 상태에서 네트워크를 얼마나 실행할지</translation>
    </message>
    <message>
        <source>Length:</source>
        <translation>길이:</translation>
    </message>
    <message>
        <source> frames/s</source>
        <translation> 프레임/초</translation>
    </message>
    <message>
        <source>Frame rate:</source>
        <translation>프레임 속도:</translation>
    </message>
    <message>
        <source>%1 frames, %2 s</source>
        <translation>%1 프레임, %2초</translation>
    </message>
    <message>
        <source>at most %1: shorten it or lower the frame rate</source>
        <translation>최대 %1: 길이를 줄이거나 프레임 속도를 낮추세요</translation>
    </message>
    <message>
        <source>%1 × %2 pixels</source>
        <translation>%1 × %2 픽셀</translation>
    </message>
    <message>
        <source>GIF has no soft transparency: the frames are laid on white.</source>
        <translation>GIF는 반투명을 지원하지 않아 프레임을 흰 바탕에 놓습니다.</translation>
    </message>
    <message>
        <source>Vector drawing: sharp at any size (the scale sets only its nominal size).</source>
        <translation>벡터 그림: 어떤 크기에서도 선명합니다 (배율은 기본 크기만 정합니다).</translation>
    </message>
    <message>
        <source>Transparent suits light slides: the dark text and lines would not show on a dark one.</source>
        <translation>투명 배경은 밝은 슬라이드에 알맞습니다. 어두운 슬라이드에서는 진한 글자와 선이 잘 보이지 않습니다.</translation>
    </message>
</context>
<context>
    <name>FieldEditor</name>
    <message>
        <source>0 / 1</source>
        <translation>0 / 1</translation>
    </message>
    <message>
        <source>mixed</source>
        <translation>여러 값</translation>
    </message>
</context>
<context>
    <name>Figure</name>
    <message>
        <source>excitatory synapse (w &gt; 0)</source>
        <translation>흥분성 시냅스 (w &gt; 0)</translation>
    </message>
    <message>
        <source>inhibitory synapse (w &lt; 0)</source>
        <translation>억제성 시냅스 (w &lt; 0)</translation>
    </message>
    <message>
        <source>weight block × wᵢ (darker: w &lt; 0)</source>
        <translation>가중치 블록 × wᵢ (더 진한 색: w &lt; 0)</translation>
    </message>
    <message>
        <source>operators × and Σ − θ</source>
        <translation>연산자 × 와 Σ − θ</translation>
    </message>
    <message>
        <source>activation function f</source>
        <translation>활성화 함수 f</translation>
    </message>
    <message>
        <source>line width: |w|</source>
        <translation>선 굵기: |w|</translation>
    </message>
    <message>
        <source>Legend</source>
        <translation>범례</translation>
    </message>
    <message>
        <source>Input %1</source>
        <translation>입력 %1</translation>
    </message>
    <message>
        <source>What %1 computes</source>
        <translation>%1이(가) 계산하는 것</translation>
    </message>
    <message>
        <source>Spike source %1</source>
        <translation>스파이크 발생원 %1</translation>
    </message>
    <message>
        <source>spike when v ≥ θ, then v = %1 mV</source>
        <translation>v ≥ θ이면 스파이크, 그 뒤 v = %1 mV</translation>
    </message>
    <message>
        <source>In Keras</source>
        <translation>Keras에서는</translation>
    </message>
</context>
<context>
    <name>FigureActions</name>
    <message>
        <source>&amp;Export figure…</source>
        <translation>그림 내보내기(&amp;E)…</translation>
    </message>
    <message>
        <source>Save the network as a PNG, SVG or PDF figure for slides and worksheets</source>
        <translation>네트워크를 슬라이드와 학습지용 PNG, SVG, PDF 그림으로 저장</translation>
    </message>
    <message>
        <source>&amp;Copy figure</source>
        <translation>그림 복사(&amp;C)</translation>
    </message>
    <message>
        <source>Copy the network as a picture, to paste into slides</source>
        <translation>네트워크를 그림으로 복사해 슬라이드에 붙여넣기</translation>
    </message>
    <message>
        <source>Export &amp;animation…</source>
        <translation>애니메이션 내보내기(&amp;A)…</translation>
    </message>
    <message>
        <source>Save what the network does next as an animated GIF</source>
        <translation>네트워크가 이어서 하는 일을 움직이는 GIF로 저장</translation>
    </message>
    <message>
        <source>PNG images (*.png)</source>
        <translation>PNG 이미지 (*.png)</translation>
    </message>
    <message>
        <source>SVG drawings (*.svg)</source>
        <translation>SVG 그림 (*.svg)</translation>
    </message>
    <message>
        <source>PDF documents (*.pdf)</source>
        <translation>PDF 문서 (*.pdf)</translation>
    </message>
    <message>
        <source>Export figure</source>
        <translation>그림 내보내기</translation>
    </message>
    <message>
        <source>Could not export the figure</source>
        <translation>그림을 내보낼 수 없습니다</translation>
    </message>
    <message>
        <source>Figure saved to %1</source>
        <translation>그림을 %1에 저장했습니다</translation>
    </message>
    <message>
        <source>GIF animations (*.gif)</source>
        <translation>GIF 애니메이션 (*.gif)</translation>
    </message>
    <message>
        <source>PNG frames (*.png)</source>
        <translation>PNG 프레임 (*.png)</translation>
    </message>
    <message>
        <source>Export animation</source>
        <translation>애니메이션 내보내기</translation>
    </message>
    <message>
        <source>Drawing the frames…</source>
        <translation>프레임을 그리는 중…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>취소</translation>
    </message>
    <message>
        <source>Could not export the animation</source>
        <translation>애니메이션을 내보낼 수 없습니다</translation>
    </message>
    <message>
        <source>Animation export cancelled</source>
        <translation>애니메이션 내보내기를 취소했습니다</translation>
    </message>
    <message>
        <source>Animation saved: %1 (%2 files)</source>
        <translation>애니메이션을 저장했습니다: %1 (파일 %2개)</translation>
    </message>
    <message>
        <source>Animation saved to %1</source>
        <translation>애니메이션을 %1에 저장했습니다</translation>
    </message>
    <message>
        <source>Could not copy the figure</source>
        <translation>그림을 복사할 수 없습니다</translation>
    </message>
    <message>
        <source>Figure copied (%1 × %2 pixels): paste it into a slide</source>
        <translation>그림을 복사했습니다 (%1 × %2 픽셀): 슬라이드에 붙여넣으세요</translation>
    </message>
</context>
<context>
    <name>FileActions</name>
    <message>
        <source>Neuron networks (*.json);;All files (*)</source>
        <translation>뉴런 네트워크 (*.json);;모든 파일 (*)</translation>
    </message>
    <message>
        <source>Neuron networks and Neuronify circuits (*.json *.nfy);;Neuron networks (*.json);;Neuronify circuits (*.nfy);;All files (*)</source>
        <translation>뉴런 네트워크와 Neuronify 회로 (*.json *.nfy);;뉴런 네트워크 (*.json);;Neuronify 회로 (*.nfy);;모든 파일 (*)</translation>
    </message>
    <message>
        <source>Neuronify circuits, version 4 (*.nfy)</source>
        <translation>Neuronify 회로, 버전 4 (*.nfy)</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>저장하지 않은 변경 사항</translation>
    </message>
    <message>
        <source>The network has changes that are not saved. Save them first?</source>
        <translation>네트워크에 저장하지 않은 변경 사항이 있습니다. 먼저 저장할까요?</translation>
    </message>
    <message>
        <source>Don&apos;t Save</source>
        <translation>저장 안 함</translation>
    </message>
    <message>
        <source>Open network</source>
        <translation>네트워크 열기</translation>
    </message>
    <message>
        <source>Could not open the file</source>
        <translation>파일을 열 수 없습니다</translation>
    </message>
    <message>
        <source>Opened %1</source>
        <translation>%1을(를) 열었습니다</translation>
    </message>
    <message>
        <source>Opened the Neuronify circuit %1: Save asks where to keep it as a network file.</source>
        <translation>Neuronify 회로 %1을(를) 열었습니다. 저장하면 네트워크 파일로 어디에 둘지 묻습니다.</translation>
    </message>
    <message>
        <source>%1 opened. These parts of it are imported approximately or left out:</source>
        <translation>%1을(를) 열었습니다. 다음 부분은 비슷하게 가져오거나 빠뜨렸습니다:</translation>
    </message>
    <message>
        <source>Opened from Neuronify</source>
        <translation>Neuronify에서 열기</translation>
    </message>
    <message>
        <source>%1 is a shipped example: it opened as a copy, and Save asks where to keep it.</source>
        <translation>%1은(는) 기본 제공 예제입니다. 사본으로 열었으니 저장하면 어디에 둘지 묻습니다.</translation>
    </message>
    <message>
        <source>Could not open the example</source>
        <translation>예제를 열 수 없습니다</translation>
    </message>
    <message>
        <source>Example: %1. It is a copy: Save asks where to keep it.</source>
        <translation>예제: %1. 사본이므로 저장하면 어디에 둘지 묻습니다.</translation>
    </message>
    <message>
        <source>Save network</source>
        <translation>네트워크 저장</translation>
    </message>
    <message>
        <source>Could not save</source>
        <translation>저장할 수 없습니다</translation>
    </message>
    <message>
        <source>The network was not saved to %1:
%2.

The file on disk is unchanged and your changes are still open here. Use Save As… to save them somewhere else.</source>
        <translation>네트워크를 %1에 저장하지 못했습니다:
%2.

디스크의 파일은 바뀌지 않았고 변경 사항은 여기에 그대로 열려 있습니다. 다른 곳에 저장하려면 다른 이름으로 저장…을 사용하세요.</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>%1에 저장했습니다</translation>
    </message>
    <message>
        <source>The network was not saved as a Neuronify file:
%1

An existing file there is unchanged.</source>
        <translation>네트워크를 Neuronify 파일로 저장하지 못했습니다:
%1

그 자리에 있던 파일은 바뀌지 않았습니다.</translation>
    </message>
    <message>
        <source>Saved %1 as a Neuronify file (version 4)</source>
        <translation>%1을(를) Neuronify 파일(버전 4)로 저장했습니다</translation>
    </message>
    <message>
        <source>Saved for Neuronify</source>
        <translation>Neuronify용으로 저장</translation>
    </message>
    <message>
        <source>%1 saved. Neuronify cannot hold these parts of the network:</source>
        <translation>%1을(를) 저장했습니다. Neuronify는 네트워크의 다음 부분을 담을 수 없습니다:</translation>
    </message>
</context>
<context>
    <name>FileErrors</name>
    <message>
        <source>it is not a text file.</source>
        <translation>텍스트 파일이 아닙니다.</translation>
    </message>
    <message>
        <source>it is empty.</source>
        <translation>빈 파일입니다.</translation>
    </message>
    <message>
        <source>it is not JSON.</source>
        <translation>JSON 형식이 아닙니다.</translation>
    </message>
    <message>
        <source>it ends too early, as if it had been cut off.</source>
        <translation>중간에 잘린 것처럼 너무 일찍 끝납니다.</translation>
    </message>
    <message>
        <source>it is JSON, but not a network.</source>
        <translation>JSON 파일이지만 네트워크가 아닙니다.</translation>
    </message>
    <message>
        <source>it is far too large to be a network.</source>
        <translation>네트워크라기에는 너무 큽니다.</translation>
    </message>
    <message>
        <source>it is a folder.</source>
        <translation>폴더입니다.</translation>
    </message>
    <message>
        <source>%1 is not a neuron-sim network file: %2</source>
        <translation>%1은(는) neuron-sim 네트워크 파일이 아닙니다. %2</translation>
    </message>
    <message>
        <source>neuron-sim opens the .json files it saves (and the examples).</source>
        <translation>neuron-sim은 자신이 저장한 .json 파일(과 예제)을 엽니다.</translation>
    </message>
</context>
<context>
    <name>HelpActions</name>
    <message>
        <source>Move the selection</source>
        <translation>선택한 것 옮기기</translation>
    </message>
    <message>
        <source>Arrow keys (Shift: 10×)</source>
        <translation>화살표 키 (Shift: 10배)</translation>
    </message>
    <message>
        <source>Switch an input between 0 and 1</source>
        <translation>입력을 0과 1 사이에서 전환</translation>
    </message>
    <message>
        <source>Click it</source>
        <translation>클릭</translation>
    </message>
    <message>
        <source>Type a weight, threshold or input value</source>
        <translation>가중치, 임계값, 입력값 입력</translation>
    </message>
    <message>
        <source>Double-click it</source>
        <translation>더블클릭</translation>
    </message>
    <message>
        <source>Nudge a weight</source>
        <translation>가중치 조금씩 바꾸기</translation>
    </message>
    <message>
        <source>Ctrl+wheel over a synapse</source>
        <translation>시냅스 위에서 Ctrl+휠</translation>
    </message>
    <message>
        <source>Connect with the Select tool</source>
        <translation>선택 도구로 연결</translation>
    </message>
    <message>
        <source>Drag from the end of an axon</source>
        <translation>축삭돌기 끝에서 끌기</translation>
    </message>
    <message>
        <source>Zoom</source>
        <translation>확대/축소</translation>
    </message>
    <message>
        <source>Wheel</source>
        <translation>휠</translation>
    </message>
    <message>
        <source>Cancel / back to Select</source>
        <translation>취소 / 선택 도구로 돌아가기</translation>
    </message>
    <message>
        <source>&amp;Quick guide</source>
        <translation>빠른 안내(&amp;Q)</translation>
    </message>
    <message>
        <source>A short illustrated guide: the parts of a neuron, building, running</source>
        <translation>그림으로 보는 짧은 안내: 뉴런의 부분, 만들기, 실행하기</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>단축키(&amp;K)</translation>
    </message>
    <message>
        <source>&amp;About neuron-sim</source>
        <translation>neuron-sim 정보(&amp;A)</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>단축키</translation>
    </message>
    <message>
        <source>About neuron-sim</source>
        <translation>neuron-sim 정보</translation>
    </message>
    <message>
        <source>&lt;b&gt;neuron-sim %1&lt;/b&gt;&lt;br&gt;How a neuron works, from the biological cell to the artificial unit of deep learning.</source>
        <translation>&lt;b&gt;neuron-sim %1&lt;/b&gt;&lt;br&gt;뉴런은 어떻게 작동할까요? 생물학적 세포에서 딥러닝의 인공 유닛까지.</translation>
    </message>
</context>
<context>
    <name>Inspector</name>
    <message>
        <source>Not changed: {reason}</source>
        <translation>바꾸지 않았습니다: {reason}</translation>
    </message>
    <message>
        <source>“{text}” is not a number from {low:g} to {high:g}.</source>
        <translation>“{text}”은(는) {low:g}부터 {high:g}까지의 수가 아닙니다.</translation>
    </message>
    <message>
        <source>No network is open.</source>
        <translation>열린 네트워크가 없습니다.</translation>
    </message>
    <message>
        <source>Network</source>
        <translation>네트워크</translation>
    </message>
    <message>
        <source>Synapse (connection)</source>
        <translation>시냅스 (연결)</translation>
    </message>
    <message numerus="yes">
        <source>%n synapses (connections)</source>
        <translation>
            <numerusform>시냅스 %n개 (연결)</numerusform>
        </translation>
    </message>
    <message>
        <source>STDP (learning by spike timing)</source>
        <translation>STDP (스파이크 타이밍에 따른 학습)</translation>
    </message>
    <message>
        <source>learns while the network plays</source>
        <translation>네트워크가 실행되는 동안 학습</translation>
    </message>
    <message numerus="yes">
        <source>%n neurons</source>
        <translation>
            <numerusform>뉴런 %n개</numerusform>
        </translation>
    </message>
    <message>
        <source>on (fires)</source>
        <translation>켜짐 (발화)</translation>
    </message>
    <message>
        <source>at rest</source>
        <translation>휴지 상태</translation>
    </message>
    <message>
        <source>no bound</source>
        <translation>한계 없음</translation>
    </message>
</context>
<context>
    <name>Instruments</name>
    <message>
        <source>What the neuron computes</source>
        <translation>뉴런이 계산하는 것</translation>
    </message>
</context>
<context>
    <name>Language</name>
    <message>
        <source>neuron-sim: no Korean font</source>
        <translation>neuron-sim: 한글 글꼴 없음</translation>
    </message>
    <message>
        <source>The interface is in English because no installed font has Korean (Hangul) letters.

Install one and restart, for example on Debian or Ubuntu:
    sudo apt-get install fonts-nanum    (or fonts-noto-cjk)</source>
        <translation>설치된 글꼴 중 한글을 표시할 수 있는 것이 없어 영어로 표시합니다.

글꼴을 설치하고 다시 시작하세요. 예: Debian 또는 Ubuntu에서
    sudo apt-get install fonts-nanum    (또는 fonts-noto-cjk)</translation>
    </message>
</context>
<context>
    <name>LearningBox</name>
    <message>
        <source>Learning from example %1: select a neuron or a synapse to see its error signal δ and its weight change.</source>
        <translation>예제 %1에서 배우기: 뉴런이나 시냅스를 선택하면 오차 신호 δ와 가중치 변화가 보입니다.</translation>
    </message>
    <message>
        <source>Learning from example %1</source>
        <translation>예제 %1에서 배우기</translation>
    </message>
    <message>
        <source>error signal δ of %1</source>
        <translation>%1의 오차 신호 δ</translation>
    </message>
    <message>
        <source>synapse</source>
        <translation>시냅스</translation>
    </message>
    <message>
        <source>new w</source>
        <translation>새 w</translation>
    </message>
</context>
<context>
    <name>LessonActions</name>
    <message>
        <source>&amp;Lessons</source>
        <translation>강의(&amp;L)</translation>
    </message>
    <message>
        <source>%1 (cannot be read)</source>
        <translation>%1 (읽을 수 없음)</translation>
    </message>
    <message>
        <source>No such lesson</source>
        <translation>그런 강의가 없습니다</translation>
    </message>
    <message>
        <source>There is no lesson called %1.</source>
        <translation>%1(이)라는 강의가 없습니다.</translation>
    </message>
    <message>
        <source>the Train dock</source>
        <translation>학습 패널</translation>
    </message>
    <message>
        <source>the code panel</source>
        <translation>코드 패널</translation>
    </message>
    <message>
        <source>This page uses %1, which Present mode does not show: press Esc to leave Present mode and use it.</source>
        <translation>이 페이지는 %1을(를) 씁니다. 발표 모드에서는 보이지 않으니 Esc를 눌러 발표 모드를 끝내고 쓰세요.</translation>
    </message>
    <message>
        <source>Could not open the lesson</source>
        <translation>강의를 열 수 없습니다</translation>
    </message>
</context>
<context>
    <name>LessonBar</name>
    <message>
        <source>◀ Back</source>
        <translation>◀ 이전</translation>
    </message>
    <message>
        <source>The previous page of the lesson (←)</source>
        <translation>강의의 이전 페이지 (←)</translation>
    </message>
    <message>
        <source>Next ▶</source>
        <translation>다음 ▶</translation>
    </message>
    <message>
        <source>The next page of the lesson (→)</source>
        <translation>강의의 다음 페이지 (→)</translation>
    </message>
    <message>
        <source>Reset page</source>
        <translation>페이지 되돌리기</translation>
    </message>
    <message>
        <source>Put this page&apos;s network back as the page opened it</source>
        <translation>이 페이지의 네트워크를 페이지가 처음 열렸을 때로 되돌립니다</translation>
    </message>
    <message>
        <source>Check</source>
        <translation>확인</translation>
    </message>
    <message>
        <source>Does the network do what the task asks?</source>
        <translation>네트워크가 과제에서 요구한 대로 하나요?</translation>
    </message>
    <message>
        <source>End the lesson (the network stays open)</source>
        <translation>강의를 끝냅니다 (네트워크는 열린 채로 남습니다)</translation>
    </message>
    <message>
        <source>Page %1 of %2</source>
        <translation>%2쪽 중 %1쪽</translation>
    </message>
    <message>
        <source>Task: %1</source>
        <translation>과제: %1</translation>
    </message>
    <message>
        <source>✓ Done! That is the last page of the lesson.</source>
        <translation>✓ 해냈습니다! 강의의 마지막 페이지입니다.</translation>
    </message>
    <message>
        <source>✓ Done! Press Next when you are ready.</source>
        <translation>✓ 해냈습니다! 준비되면 다음을 누르세요.</translation>
    </message>
    <message>
        <source>Not yet. Hint: %1</source>
        <translation>아직입니다. 힌트: %1</translation>
    </message>
</context>
<context>
    <name>LessonCard</name>
    <message>
        <source>Start the lesson “%1”</source>
        <translation>강의 “%1” 시작</translation>
    </message>
    <message numerus="yes">
        <source>%n page(s)</source>
        <translation>
            <numerusform>%n쪽</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Inspector</source>
        <translation>속성</translation>
    </message>
    <message>
        <source>&amp;New</source>
        <translation>새로 만들기(&amp;N)</translation>
    </message>
    <message>
        <source>Start an empty network</source>
        <translation>빈 네트워크로 시작</translation>
    </message>
    <message>
        <source>&amp;Open…</source>
        <translation>열기(&amp;O)…</translation>
    </message>
    <message>
        <source>Open a network file</source>
        <translation>네트워크 파일 열기</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>저장(&amp;S)</translation>
    </message>
    <message>
        <source>Save the network</source>
        <translation>네트워크 저장</translation>
    </message>
    <message>
        <source>Save &amp;As…</source>
        <translation>다른 이름으로 저장(&amp;A)…</translation>
    </message>
    <message>
        <source>Save the network under a new name</source>
        <translation>네트워크를 새 이름으로 저장</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>끝내기(&amp;Q)</translation>
    </message>
    <message>
        <source>Quit neuron-sim</source>
        <translation>neuron-sim 끝내기</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>실행 취소</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>다시 실행</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>파일(&amp;F)</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>최근 파일 열기(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>편집(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>보기(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Instruments</source>
        <translation>계측기(&amp;I)</translation>
    </message>
    <message>
        <source>&amp;Simulation</source>
        <translation>시뮬레이션(&amp;S)</translation>
    </message>
    <message>
        <source>Neuron model</source>
        <translation>뉴런 모델</translation>
    </message>
    <message>
        <source>Update scheme (rate)</source>
        <translation>갱신 방식 (발화율 모델)</translation>
    </message>
    <message>
        <source>&amp;Train</source>
        <translation>학습(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>도움말(&amp;H)</translation>
    </message>
    <message>
        <source>Tools</source>
        <translation>도구</translation>
    </message>
    <message>
        <source>The network fits in blocks again.</source>
        <translation>이제 네트워크를 다시 블록으로 그립니다.</translation>
    </message>
    <message>
        <source>Untitled</source>
        <translation>제목 없음</translation>
    </message>
</context>
<context>
    <name>NameParts</name>
    <message>
        <source>&amp;Name the parts</source>
        <translation>부분 이름 보기(&amp;N)</translation>
    </message>
    <message>
        <source>Label one neuron&apos;s soma, dendrites, synapse and axon with their deep-learning names (the selected neuron, else a computing one)</source>
        <translation>뉴런 하나의 세포체, 수상돌기, 시냅스, 축삭돌기에 딥러닝 이름을 함께 붙입니다 (선택한 뉴런, 없으면 계산하는 뉴런)</translation>
    </message>
    <message>
        <source>Add a neuron first: Name the parts labels a computing neuron.</source>
        <translation>먼저 뉴런을 추가하세요: 부분 이름 보기는 계산하는 뉴런에 이름을 붙입니다.</translation>
    </message>
</context>
<context>
    <name>NetworkView</name>
    <message>
        <source>Weight</source>
        <translation>가중치</translation>
    </message>
    <message>
        <source>Threshold θ</source>
        <translation>임계값 θ</translation>
    </message>
    <message>
        <source>Threshold (mV)</source>
        <translation>임계값 (mV)</translation>
    </message>
    <message>
        <source>Input value</source>
        <translation>입력값</translation>
    </message>
    <message>
        <source>Rate (Hz)</source>
        <translation>발화율 (Hz)</translation>
    </message>
    <message>
        <source>Frequency (Hz)</source>
        <translation>주파수 (Hz)</translation>
    </message>
    <message>
        <source>Weight %1 → %2: %3</source>
        <translation>가중치 %1 → %2: %3</translation>
    </message>
    <message>
        <source>%1: type a number, Enter to apply, Esc to cancel</source>
        <translation>%1: 수를 입력하세요. Enter는 적용, Esc는 취소</translation>
    </message>
    <message>
        <source>Editing %1: type a number and press Enter (Esc cancels).</source>
        <translation>%1 편집 중: 수를 입력하고 Enter를 누르세요 (Esc는 취소).</translation>
    </message>
</context>
<context>
    <name>NeuronItem</name>
    <message>
        <source>Input %1 = %2 (click to switch 0/1, double-click to type)</source>
        <translation>입력 %1 = %2 (클릭하면 0/1 전환, 더블클릭하면 값 입력)</translation>
    </message>
    <message>
        <source>Current source %1: a constant current (DC)</source>
        <translation>전류원 %1: 일정한 전류 (직류)</translation>
    </message>
    <message>
        <source>Current source %1: an alternating current (AC) of %2 Hz</source>
        <translation>전류원 %1: %2 Hz의 교류 전류</translation>
    </message>
    <message>
        <source>Spike generator %1: %2 Hz</source>
        <translation>스파이크 생성기 %1: %2 Hz</translation>
    </message>
    <message>
        <source>Neuron %1 (double-click to type its threshold)</source>
        <translation>뉴런 %1 (더블클릭하면 임계값 입력)</translation>
    </message>
</context>
<context>
    <name>NoteView</name>
    <message>
        <source>Note</source>
        <translation>메모</translation>
    </message>
    <message>
        <source>Double-click the note on the canvas to edit its text; drag its corner to resize it.</source>
        <translation>캔버스의 메모를 두 번 클릭해 글을 고치고, 모서리를 끌어 크기를 바꿉니다.</translation>
    </message>
    <message numerus="yes">
        <source>%n notes</source>
        <translation>
            <numerusform>메모 %n개</numerusform>
        </translation>
    </message>
    <message>
        <source>Drag them to move them together; Del deletes them.</source>
        <translation>끌면 함께 옮겨지고, Del을 누르면 삭제됩니다.</translation>
    </message>
</context>
<context>
    <name>NumberBox</name>
    <message>
        <source>mixed</source>
        <translation>여러 값</translation>
    </message>
</context>
<context>
    <name>ParamSpec</name>
    <message>
        <source>`input` holds a value the user sets; `neuron` computes; `generator` emits spikes.</source>
        <translation>`input`(입력)은 사용자가 정한 값을 가집니다. `neuron`(뉴런)은 계산합니다. `generator`(생성기)는 스파이크를 냅니다.</translation>
    </message>
    <message>
        <source>Name shown on the canvas; defaults to the id.</source>
        <translation>캔버스에 보이는 이름. 기본값은 id입니다.</translation>
    </message>
    <message>
        <source>Centre of the cell on the canvas, [x, y], y pointing down.</source>
        <translation>캔버스에서 세포의 중심 [x, y]. y는 아래쪽이 양수입니다.</translation>
    </message>
    <message>
        <source>Rate model: the input&apos;s activation. Spiking model: the sensor is on (fires regularly at `rate_hz`) while the value is not 0.</source>
        <translation>발화율 모델: 입력의 활성값. 스파이킹 모델: 값이 0이 아닌 동안 센서가 켜집니다 (`rate_hz`로 규칙적으로 발화).</translation>
    </message>
    <message>
        <source>Activation function f of a = f(Σ w·a − θ).</source>
        <translation>a = f(Σ w·a − θ)의 활성화 함수 f.</translation>
    </message>
    <message>
        <source>θ, subtracted from the weighted sum (bias b = −θ).</source>
        <translation>θ: 가중합에서 빼는 값 (편향 b = −θ).</translation>
    </message>
    <message>
        <source>Membrane time constant τ.</source>
        <translation>막 시간 상수 τ.</translation>
    </message>
    <message>
        <source>Resting potential the membrane decays to.</source>
        <translation>막전위가 되돌아가는 휴지 전위.</translation>
    </message>
    <message>
        <source>Potential right after a spike.</source>
        <translation>스파이크 직후의 전위.</translation>
    </message>
    <message>
        <source>The neuron fires when v reaches this.</source>
        <translation>v가 이 값에 이르면 뉴런이 발화합니다.</translation>
    </message>
    <message>
        <source>After a spike, v is held and synaptic input is ignored for this long.</source>
        <translation>스파이크 뒤 이 시간 동안 v가 고정되고 시냅스 입력은 무시됩니다.</translation>
    </message>
    <message>
        <source>Constant input: the depolarisation v would hold at steady state (v → v_rest + drive).</source>
        <translation>일정한 입력: 정상 상태에서 v가 유지할 탈분극 크기 (v → v_rest + drive).</translation>
    </message>
    <message>
        <source>Initial membrane potential; defaults to v_rest_mV.</source>
        <translation>처음 막전위. 기본값은 v_rest_mV입니다.</translation>
    </message>
    <message>
        <source>Spike-frequency adaptation: each spike adds this to the adaptation conductance (as R·g, no unit), which pulls v towards v_rest with −R·g·(v − v_rest); 0: none.</source>
        <translation>스파이크 빈도 적응: 스파이크마다 적응 전도도(R·g, 단위 없음)에 이 값을 더하며, 이 전도도는 −R·g·(v − v_rest)로 v를 v_rest 쪽으로 끌어당깁니다. 0: 적응 없음.</translation>
    </message>
    <message>
        <source>Time constant of the decay of the adaptation conductance.</source>
        <translation>적응 전도도가 줄어드는 시간 상수.</translation>
    </message>
    <message>
        <source>Lowest potential: after each step v is raised to this if below; null: no bound.</source>
        <translation>가장 낮은 전위: 매 단계 뒤 v가 이보다 낮으면 이 값으로 올립니다. null: 한계 없음.</translation>
    </message>
    <message>
        <source>Highest potential: after each step v is lowered to this if above; null: no bound.</source>
        <translation>가장 높은 전위: 매 단계 뒤 v가 이보다 높으면 이 값으로 내립니다. null: 한계 없음.</translation>
    </message>
    <message>
        <source>`regular`: evenly spaced spikes; `poisson`: random spikes at the mean rate; `dc`: no spikes, a constant current (weight × 1) along each synapse; `ac`: no spikes, an alternating current (weight × sin 2π·f·t).</source>
        <translation>`regular`: 일정한 간격의 스파이크. `poisson`: 평균 발화율로 무작위 스파이크. `dc`: 스파이크 없이 시냅스마다 일정한 전류 (가중치 × 1). `ac`: 스파이크 없이 교류 전류 (가중치 × sin 2π·f·t).</translation>
    </message>
    <message>
        <source>Frequency f of the alternating current.</source>
        <translation>교류 전류의 주파수 f.</translation>
    </message>
    <message>
        <source>Synapse strength. Rate: w in Σ w·a. Spiking: the jump of the target&apos;s v, in mV (a current synapse: the peak of its current as R·I, in mV).</source>
        <translation>시냅스 세기. 발화율 모델: Σ w·a의 w. 스파이킹 모델: 표적 뉴런 v의 도약, mV 단위 (전류 시냅스: 전류의 최댓값을 R·I로, mV 단위).</translation>
    </message>
    <message>
        <source>`delta`: each spike moves the target&apos;s v by w at once. `current_exp`: each spike adds w to a synaptic current (as R·I, mV) that decays with tau_syn_ms. `current_alpha`: the current rises and falls as an alpha function, peaking at w tau_syn_ms after the spike arrives.</source>
        <translation>`delta`: 스파이크마다 표적 뉴런의 v가 곧바로 w만큼 움직입니다. `current_exp`: 스파이크마다 시냅스 전류(R·I, mV)에 w를 더하고, 이 전류는 tau_syn_ms로 줄어듭니다. `current_alpha`: 전류가 알파 함수로 오르내리며, 스파이크가 도착하고 tau_syn_ms 뒤에 최댓값 w에 이릅니다.</translation>
    </message>
    <message>
        <source>Time constant of the synaptic current (current synapses).</source>
        <translation>시냅스 전류의 시간 상수 (전류 시냅스).</translation>
    </message>
    <message>
        <source>Spikes per second.</source>
        <translation>1초당 스파이크 수.</translation>
    </message>
    <message>
        <source>Time of the first spike (regular) or of the first possible spike (Poisson).</source>
        <translation>첫 스파이크 시각 (regular) 또는 스파이크가 처음 가능한 시각 (Poisson).</translation>
    </message>
    <message>
        <source>Random seed: the same seed gives the same spikes.</source>
        <translation>난수 시드: 시드가 같으면 스파이크도 같습니다.</translation>
    </message>
    <message>
        <source>Time from the presynaptic spike to its arrival at the target.</source>
        <translation>시냅스 앞 뉴런의 스파이크가 받는 뉴런에 도착하기까지의 시간.</translation>
    </message>
    <message>
        <source>A learning rule that changes the weight while the network runs: null (none) or an STDP object (see Plasticity).</source>
        <translation>네트워크가 실행되는 동안 가중치를 바꾸는 학습 규칙: null(없음) 또는 STDP 객체(Plasticity 참조).</translation>
    </message>
    <message>
        <source>Added to the presynaptic trace apre at each presynaptic spike&apos;s arrival.</source>
        <translation>시냅스 전 스파이크가 도착할 때마다 시냅스 전 흔적 apre에 더해집니다.</translation>
    </message>
    <message>
        <source>Added to the postsynaptic trace apost at each postsynaptic spike.</source>
        <translation>시냅스 후 스파이크마다 시냅스 후 흔적 apost에 더해집니다.</translation>
    </message>
    <message>
        <source>Time constant of the decay of apre.</source>
        <translation>apre가 감쇠하는 시간 상수.</translation>
    </message>
    <message>
        <source>Time constant of the decay of apost.</source>
        <translation>apost가 감쇠하는 시간 상수.</translation>
    </message>
    <message>
        <source>The weight never falls below this.</source>
        <translation>가중치는 이 값 아래로 내려가지 않습니다.</translation>
    </message>
    <message>
        <source>The weight never rises above this.</source>
        <translation>가중치는 이 값 위로 올라가지 않습니다.</translation>
    </message>
    <message>
        <source>Title of the network.</source>
        <translation>네트워크의 제목.</translation>
    </message>
    <message>
        <source>What the network shows and what to try.</source>
        <translation>이 네트워크가 보여 주는 것과 해 볼 것.</translation>
    </message>
    <message>
        <source>`rate`: artificial neurons a = f(Σ w·a − θ). `spiking`: leaky integrate-and-fire.</source>
        <translation>`rate`: 인공 뉴런 a = f(Σ w·a − θ). `spiking`: 누설 적분-발화 뉴런.</translation>
    </message>
    <message>
        <source>Rate model only. `feedforward`: one pass in layer order per step; `synchronous`: all neurons update at once from the previous step.</source>
        <translation>발화율 모델 전용. `feedforward`: 한 단계에 층 순서대로 한 번 계산. `synchronous`: 모든 뉴런이 이전 단계의 값으로 동시에 갱신.</translation>
    </message>
    <message>
        <source>Spiking time step.</source>
        <translation>스파이킹 모델의 시간 간격.</translation>
    </message>
</context>
<context>
    <name>Playback</name>
    <message>
        <source>This network cannot run.</source>
        <translation>이 네트워크는 실행할 수 없습니다.</translation>
    </message>
    <message>
        <source>cannot run: %1</source>
        <translation>실행할 수 없음: %1</translation>
    </message>
    <message>
        <source>t = %1 s</source>
        <translation>t = %1 초</translation>
    </message>
    <message>
        <source>pass %1, layer %2 of %3</source>
        <translation>%1회차 계산, 층 %2/%3</translation>
    </message>
    <message>
        <source>tick %1</source>
        <translation>틱 %1</translation>
    </message>
    <message>
        <source>t = %1 ms</source>
        <translation>t = %1 ms</translation>
    </message>
</context>
<context>
    <name>PlaybackControls</name>
    <message>
        <source>Play</source>
        <translation>재생</translation>
    </message>
    <message>
        <source>Play or pause the simulation (Space)</source>
        <translation>시뮬레이션 재생 또는 일시 정지 (Space)</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>한 단계</translation>
    </message>
    <message>
        <source>Play one step: a whole pass layer by layer (feedforward), one tick, or one dt (Ctrl+→)</source>
        <translation>한 단계 재생: 한 번의 전체 계산을 층별로(순방향), 한 틱, 또는 한 dt (Ctrl+→)</translation>
    </message>
    <message>
        <source>Reset</source>
        <translation>처음으로</translation>
    </message>
    <message>
        <source>Back to the start: tick 0, the recording starts again; a synchronous or spiking network at rest (Ctrl+Backspace)</source>
        <translation>처음 상태로: 틱 0, 기록을 다시 시작하고 동기식 또는 스파이킹 네트워크는 휴지 상태로 (Ctrl+Backspace)</translation>
    </message>
    <message>
        <source>Playback speed</source>
        <translation>재생 속도</translation>
    </message>
    <message>
        <source>As fast as possible</source>
        <translation>최대한 빠르게</translation>
    </message>
    <message>
        <source>Playback</source>
        <translation>재생</translation>
    </message>
    <message>
        <source>Speed</source>
        <translation>속도</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>일시 정지</translation>
    </message>
</context>
<context>
    <name>PlotDock</name>
    <message>
        <source>%1 s</source>
        <translation>%1초</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>Not following the newest data</source>
        <translation>최신 데이터를 따라가지 않는 중</translation>
    </message>
    <message>
        <source>Follow the newest data</source>
        <translation>최신 데이터 따라가기</translation>
    </message>
    <message>
        <source>Follow</source>
        <translation>따라가기</translation>
    </message>
    <message>
        <source>Keep the newest data in view. Zooming (mouse wheel) or dragging the plot stops following; click here or double-click the plot to follow again.</source>
        <translation>가장 최근 데이터를 계속 보여 줍니다. 그래프를 확대/축소(휠)하거나 끌면 따라가기를 멈춥니다. 다시 따라가려면 여기를 누르거나 그래프를 더블클릭하세요.</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>내보내기</translation>
    </message>
    <message>
        <source>Data as CSV…</source>
        <translation>데이터를 CSV로…</translation>
    </message>
    <message>
        <source>There is no plot to export.</source>
        <translation>내보낼 그래프가 없습니다.</translation>
    </message>
</context>
<context>
    <name>PlotExport</name>
    <message>
        <source>Plot as PNG image…</source>
        <translation>그래프를 PNG 이미지로…</translation>
    </message>
    <message>
        <source>Plot as SVG drawing…</source>
        <translation>그래프를 SVG 그림으로…</translation>
    </message>
    <message>
        <source>PNG images (*.png)</source>
        <translation>PNG 이미지 (*.png)</translation>
    </message>
    <message>
        <source>SVG drawings (*.svg)</source>
        <translation>SVG 그림 (*.svg)</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV 파일 (*.csv)</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>내보내기</translation>
    </message>
    <message>
        <source>Could not export to %1: %2</source>
        <translation>%1(으)로 내보낼 수 없습니다: %2</translation>
    </message>
</context>
<context>
    <name>PreferencesDialog</name>
    <message>
        <source>Preferences</source>
        <translation>환경 설정</translation>
    </message>
    <message>
        <source>System (%1)</source>
        <translation>시스템 설정 (%1)</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>언어(&amp;L):</translation>
    </message>
    <message>
        <source>Biological (cells)</source>
        <translation>생물학적 모습 (세포)</translation>
    </message>
    <message>
        <source>Schematic (Σ and f)</source>
        <translation>도식 (Σ와 f)</translation>
    </message>
    <message>
        <source>Blocks (× w, Σ, f)</source>
        <translation>블록 (× w, Σ, f)</translation>
    </message>
    <message>
        <source>How neurons are drawn when neuron-sim starts</source>
        <translation>neuron-sim을 시작할 때 뉴런을 그리는 방식</translation>
    </message>
    <message>
        <source>Default &amp;look:</source>
        <translation>기본 모습(&amp;L):</translation>
    </message>
    <message>
        <source>Show the &amp;start page at launch</source>
        <translation>시작할 때 시작 페이지 보이기(&amp;S)</translation>
    </message>
    <message>
        <source> MB</source>
        <translation> MB</translation>
    </message>
    <message>
        <source>How much memory the Traces dock&apos;s recording may take. A small network keeps its last 4,000 samples; a large one keeps as many as fit, and the dock says when older ones are no longer kept.</source>
        <translation>추적 창의 기록이 쓸 수 있는 메모리입니다. 작은 네트워크는 마지막 4,000개 표본을 모두 남기고, 큰 네트워크는 들어가는 만큼만 남깁니다. 오래된 표본이 지워지면 추적 창이 알려 줍니다.</translation>
    </message>
    <message>
        <source>&amp;Memory for traces:</source>
        <translation>추적 기록 메모리(&amp;M):</translation>
    </message>
    <message>
        <source>No installed font has Korean (Hangul) letters, so neuron-sim will stay in English. Install fonts-nanum or fonts-noto-cjk.</source>
        <translation>설치된 글꼴 중 한글을 표시할 수 있는 것이 없어 neuron-sim은 영어로 표시됩니다. fonts-nanum 또는 fonts-noto-cjk를 설치하세요.</translation>
    </message>
    <message>
        <source>The window changes to this language when you press OK; your network, its undo history and the view stay as they are.</source>
        <translation>확인을 누르면 창이 이 언어로 바뀝니다. 네트워크, 실행 취소 기록과 화면은 그대로 남습니다.</translation>
    </message>
    <message>
        <source>&amp;Preferences…</source>
        <translation>환경 설정(&amp;P)…</translation>
    </message>
    <message>
        <source>Language, the look neuron-sim starts with, the start page, memory for traces</source>
        <translation>언어, 시작할 때의 모습, 시작 페이지, 추적 기록 메모리</translation>
    </message>
</context>
<context>
    <name>PresentMode</name>
    <message>
        <source>&amp;Present</source>
        <translation>발표 모드(&amp;P)</translation>
    </message>
    <message>
        <source>Full screen for a projector: the canvas, the computation panel and the lesson, in large text; arrow keys step, Esc leaves (F5)</source>
        <translation>프로젝터용 전체 화면: 캔버스, 계산 패널, 강의를 큰 글씨로 보여 줍니다. 화살표 키로 넘기고 Esc로 나갑니다 (F5)</translation>
    </message>
</context>
<context>
    <name>QuickGuide</name>
    <message>
        <source>Quick guide</source>
        <translation>빠른 안내</translation>
    </message>
    <message>
        <source>dendrite</source>
        <translation>수상돌기</translation>
    </message>
    <message>
        <source>input x</source>
        <translation>입력 x</translation>
    </message>
    <message>
        <source>synapse strength</source>
        <translation>시냅스 강도</translation>
    </message>
    <message>
        <source>weight w</source>
        <translation>가중치 w</translation>
    </message>
    <message>
        <source>soma: adds up</source>
        <translation>세포체: 더하기</translation>
    </message>
    <message>
        <source>weighted sum Σ</source>
        <translation>가중합 Σ</translation>
    </message>
    <message>
        <source>threshold</source>
        <translation>임계값</translation>
    </message>
    <message>
        <source>−bias (b = −θ)</source>
        <translation>−편향 (b = −θ)</translation>
    </message>
    <message>
        <source>firing</source>
        <translation>발화</translation>
    </message>
    <message>
        <source>activation f</source>
        <translation>활성화 함수 f</translation>
    </message>
    <message>
        <source>axon</source>
        <translation>축삭돌기</translation>
    </message>
    <message>
        <source>output a</source>
        <translation>출력 a</translation>
    </message>
    <message>
        <source>A neuron, two ways</source>
        <translation>뉴런을 보는 두 가지 방법</translation>
    </message>
    <message>
        <source>Each neuron adds up its weighted inputs and fires when the sum passes its threshold: a = f(Σ w·x − θ). The biological look draws it as a cell, the schematic look as the diagram of deep learning. View → Name the parts labels them on your own network.</source>
        <translation>뉴런은 가중치를 곱한 입력을 모두 더하고, 그 합이 임계값을 넘으면 발화합니다: a = f(Σ w·x − θ). 생물학적 모습은 뉴런을 세포로, 도식은 딥러닝의 그림으로 그립니다. 보기 → 부분 이름 보기를 켜면 여러분의 네트워크에 이름이 붙습니다.</translation>
    </message>
    <message>
        <source>Build</source>
        <translation>만들기</translation>
    </message>
    <message>
        <source>Pick a tool in the tool bar: Add input (I), Add neuron (N), then click on the canvas. Connect (C): press on a neuron, drag to another, release. With Select (S), drag from the small circle at the end of an axon to connect.</source>
        <translation>도구 모음에서 도구를 고르세요: 입력 추가(I), 뉴런 추가(N)를 고른 뒤 캔버스를 클릭합니다. 연결(C): 뉴런을 누른 채 다른 뉴런까지 끌어서 놓습니다. 선택(S) 도구로는 축삭돌기 끝의 작은 원에서 끌어 연결합니다.</translation>
    </message>
    <message>
        <source>Edit</source>
        <translation>편집</translation>
    </message>
    <message>
        <source>Double-click a synapse to type its weight, a neuron to type its threshold, an input to type its value; click an input to switch it between 0 and 1. The Inspector on the right edits everything about the selection, with both names for each part.</source>
        <translation>시냅스를 더블클릭하면 가중치를, 뉴런을 더블클릭하면 임계값을, 입력을 더블클릭하면 값을 입력합니다. 입력을 클릭하면 0과 1 사이에서 전환됩니다. 오른쪽의 속성 창에서는 선택한 것의 모든 것을 편집할 수 있고, 각 부분의 두 이름이 함께 나옵니다.</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>실행</translation>
    </message>
    <message>
        <source>Play (Space) runs the network: pulses travel down the axons and the somas light up. Step advances one layer or one time step; Reset returns to rest. Select a neuron to see what it computes, step by step.</source>
        <translation>재생(Space)을 누르면 네트워크가 실행됩니다: 펄스가 축삭돌기를 따라 이동하고 세포체가 밝아집니다. 한 단계는 한 층 또는 한 시간 간격만큼 나아가고, 처음으로는 휴지 상태로 되돌립니다. 뉴런을 선택하면 무엇을 계산하는지 단계별로 볼 수 있습니다.</translation>
    </message>
    <message>
        <source>View → Blocks draws it as building blocks, one for each operation: × w for each input, Σ − θ, the activation f and the output a.</source>
        <translation>보기 → 블록은 뉴런을 연산마다 하나씩 블록으로 쌓아 그립니다: 입력마다 × w, Σ − θ, 활성화 함수 f, 출력 a.</translation>
    </message>
    <message>
        <source>Biology</source>
        <translation>생물학</translation>
    </message>
    <message>
        <source>Deep learning</source>
        <translation>딥러닝</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>단축키</translation>
    </message>
</context>
<context>
    <name>RasterDock</name>
    <message>
        <source>Spike raster</source>
        <translation>스파이크 래스터</translation>
    </message>
    <message>
        <source>time (ms)</source>
        <translation>시간 (ms)</translation>
    </message>
    <message>
        <source>neuron</source>
        <translation>뉴런</translation>
    </message>
    <message>
        <source>Neuron</source>
        <translation>뉴런</translation>
    </message>
    <message>
        <source>Rate (Hz)</source>
        <translation>발화율 (Hz)</translation>
    </message>
    <message>
        <source>Spikes per second over the recorded window</source>
        <translation>기록된 구간의 1초당 스파이크 수</translation>
    </message>
    <message>
        <source>This network cannot run, so nothing spikes.</source>
        <translation>이 네트워크는 실행할 수 없어서 스파이크가 없습니다.</translation>
    </message>
    <message>
        <source>Spikes belong to spiking networks: switch the network&apos;s model to spiking (integrate-and-fire) to see a raster.</source>
        <translation>스파이크는 스파이킹 네트워크에만 있습니다. 래스터를 보려면 네트워크 모델을 스파이킹(적분-발화)으로 바꾸세요.</translation>
    </message>
    <message>
        <source>Older spikes are no longer kept: the raster holds the last %1 spikes, those of the last %2; the rates are measured over the last %3.</source>
        <translation>오래된 스파이크는 더 이상 남지 않습니다: 래스터는 마지막 스파이크 %1개, 곧 마지막 %2 동안의 스파이크를 담고, 발화율은 마지막 %3 동안으로 잽니다.</translation>
    </message>
    <message>
        <source>… and {n} more</source>
        <translation>… 외 {n}개</translation>
    </message>
</context>
<context>
    <name>Recovery</name>
    <message>
        <source>Recover unsaved work</source>
        <translation>저장하지 않은 작업 복구</translation>
    </message>
    <message>
        <source>an untitled network</source>
        <translation>제목 없는 네트워크</translation>
    </message>
    <message>
        <source>neuron-sim did not close properly. Unsaved changes to %1 were kept at %2, but the copy cannot be read.</source>
        <translation>neuron-sim이 정상적으로 종료되지 않았습니다. %1의 저장하지 않은 변경 사항을 %2에 보관했지만, 그 사본을 읽을 수 없습니다.</translation>
    </message>
    <message>
        <source>neuron-sim did not close properly. Unsaved changes to %1 were kept at %2 (%3 neurons, %4 synapses).</source>
        <translation>neuron-sim이 정상적으로 종료되지 않았습니다. %1의 저장하지 않은 변경 사항을 %2에 보관했습니다(뉴런 %3개, 시냅스 %4개).</translation>
    </message>
    <message>
        <source>Restore opens them here; save them to keep them. Discard deletes them. Later keeps them for the next start.</source>
        <translation>복원하면 여기에서 열립니다. 계속 보관하려면 저장하세요. 버리기는 사본을 삭제합니다. 나중에는 다음 실행 때까지 보관합니다.</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>복원</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>버리기</translation>
    </message>
    <message>
        <source>Later</source>
        <translation>나중에</translation>
    </message>
    <message>
        <source>Restored the unsaved changes kept at %1. Save to keep them.</source>
        <translation>%1에 보관한 저장하지 않은 변경 사항을 복원했습니다. 계속 보관하려면 저장하세요.</translation>
    </message>
</context>
<context>
    <name>RecoveryKeeper</name>
    <message>
        <source>Could not write the recovery copy: %1</source>
        <translation>복구용 사본을 쓸 수 없습니다: %1</translation>
    </message>
</context>
<context>
    <name>StartPage</name>
    <message>
        <source>Start — neuron-sim</source>
        <translation>시작 — neuron-sim</translation>
    </message>
    <message>
        <source>How a neuron works: choose an example</source>
        <translation>뉴런은 어떻게 작동할까요: 예제를 고르세요</translation>
    </message>
    <message>
        <source>Each example opens as a copy you can change and play; a bar above the canvas says what to try. Examples are also in the Examples menu.</source>
        <translation>예제는 바꾸고 재생할 수 있는 사본으로 열립니다. 캔버스 위의 막대에 해 볼 것이 적혀 있습니다. 예제는 예제 메뉴에도 있습니다.</translation>
    </message>
    <message>
        <source>Guided lessons: pages to walk through, with tasks the app checks</source>
        <translation>안내 강의: 차례로 넘겨 보는 페이지와 앱이 확인하는 과제</translation>
    </message>
    <message>
        <source>Show at start</source>
        <translation>시작할 때 보이기</translation>
    </message>
    <message>
        <source>Show this page each time neuron-sim starts without a file</source>
        <translation>파일 없이 neuron-sim을 시작할 때마다 이 페이지 보이기</translation>
    </message>
    <message>
        <source>Empty network</source>
        <translation>빈 네트워크</translation>
    </message>
    <message>
        <source>Close this page and build a network yourself</source>
        <translation>이 페이지를 닫고 직접 네트워크 만들기</translation>
    </message>
</context>
<context>
    <name>TraceDock</name>
    <message>
        <source>Traces</source>
        <translation>트레이스</translation>
    </message>
    <message>
        <source>How much of the recent past the plot shows</source>
        <translation>그래프에 보일 최근 기록의 길이</translation>
    </message>
    <message>
        <source>Save the recorded traces of the selected neurons (all neurons if none is selected)</source>
        <translation>선택한 뉴런의 기록을 저장합니다 (선택이 없으면 모든 뉴런)</translation>
    </message>
    <message>
        <source>Show the last</source>
        <translation>보일 기간: 최근</translation>
    </message>
    <message>
        <source>This network cannot run, so there is nothing to record.</source>
        <translation>이 네트워크는 실행할 수 없어서 기록할 것이 없습니다.</translation>
    </message>
    <message>
        <source>Select neurons to see their activity over time.</source>
        <translation>뉴런을 선택하면 시간에 따른 활동을 볼 수 있습니다.</translation>
    </message>
    <message>
        <source>(the first {shown} of {count})</source>
        <translation>({count}개 중 처음 {shown}개)</translation>
    </message>
    <message>
        <source>%1 ticks</source>
        <translation>%1틱</translation>
    </message>
    <message>
        <source>Older samples are no longer kept: the recording holds the last %1 of every neuron (%2 MB; set in Edit → Preferences).</source>
        <translation>오래된 표본은 더 이상 남지 않습니다: 기록은 모든 뉴런의 마지막 %1만 담습니다(%2 MB, 편집 → 환경 설정에서 바꿀 수 있습니다).</translation>
    </message>
    <message>
        <source>time (ms)</source>
        <translation>시간 (ms)</translation>
    </message>
    <message>
        <source>step (tick)</source>
        <translation>단계 (틱)</translation>
    </message>
    <message>
        <source>membrane potential v (mV)</source>
        <translation>막전위 v (mV)</translation>
    </message>
    <message>
        <source>output a (activation)</source>
        <translation>출력 a (활성값)</translation>
    </message>
    <message>
        <source>spikes (one tick each)</source>
        <translation>스파이크 (하나에 눈금 하나)</translation>
    </message>
    <message>
        <source>threshold {value} mV</source>
        <translation>임계값 {value} mV</translation>
    </message>
    <message>
        <source>Σ = θ (net input 0)</source>
        <translation>Σ = θ (순입력 0)</translation>
    </message>
    <message>
        <source> ms</source>
        <translation> ms</translation>
    </message>
    <message>
        <source> ticks</source>
        <translation> 틱</translation>
    </message>
</context>
<context>
    <name>TrainDock</name>
    <message>
        <source>Train</source>
        <translation>학습</translation>
    </message>
    <message>
        <source>Open the hidden-layer example (XOR with backprop)</source>
        <translation>은닉층 예제 열기 (역전파로 XOR 배우기)</translation>
    </message>
    <message>
        <source>AND (truth table)</source>
        <translation>AND (진리표)</translation>
    </message>
    <message>
        <source>OR (truth table)</source>
        <translation>OR (진리표)</translation>
    </message>
    <message>
        <source>NAND (truth table)</source>
        <translation>NAND (진리표)</translation>
    </message>
    <message>
        <source>XOR (truth table)</source>
        <translation>XOR (진리표)</translation>
    </message>
    <message>
        <source>two blobs</source>
        <translation>두 점 구름</translation>
    </message>
    <message>
        <source>circle</source>
        <translation>원</translation>
    </message>
    <message>
        <source>XOR quadrants</source>
        <translation>XOR 사분면</translation>
    </message>
    <message>
        <source>spiral</source>
        <translation>나선</translation>
    </message>
    <message>
        <source>CSV file…</source>
        <translation>CSV 파일…</translation>
    </message>
    <message>
        <source>samples</source>
        <translation>표본 수</translation>
    </message>
    <message>
        <source>noise</source>
        <translation>잡음</translation>
    </message>
    <message>
        <source>seed</source>
        <translation>시드</translation>
    </message>
    <message>
        <source>backprop (gradient descent)</source>
        <translation>역전파 (경사 하강법)</translation>
    </message>
    <message>
        <source>perceptron rule (step units)</source>
        <translation>퍼셉트론 규칙 (계단 함수 뉴런)</translation>
    </message>
    <message>
        <source>mean squared error</source>
        <translation>평균 제곱 오차</translation>
    </message>
    <message>
        <source>cross-entropy (sigmoid outputs)</source>
        <translation>교차 엔트로피 (시그모이드 출력)</translation>
    </message>
    <message>
        <source>full (all examples)</source>
        <translation>전체 (모든 예제)</translation>
    </message>
    <message>
        <source>shuffle each epoch</source>
        <translation>에포크마다 섞기</translation>
    </message>
    <message>
        <source>as in the network</source>
        <translation>네트워크에 있는 그대로</translation>
    </message>
    <message>
        <source>random (Glorot)</source>
        <translation>무작위 (Glorot)</translation>
    </message>
    <message>
        <source>Data</source>
        <translation>데이터</translation>
    </message>
    <message>
        <source>Algorithm</source>
        <translation>알고리즘</translation>
    </message>
    <message>
        <source>Loss</source>
        <translation>손실</translation>
    </message>
    <message>
        <source>Learning rate</source>
        <translation>학습률</translation>
    </message>
    <message>
        <source>Epochs</source>
        <translation>에포크</translation>
    </message>
    <message>
        <source>Batch</source>
        <translation>배치</translation>
    </message>
    <message>
        <source>Start weights</source>
        <translation>시작 가중치</translation>
    </message>
    <message>
        <source>Step one example</source>
        <translation>예제 하나 학습</translation>
    </message>
    <message>
        <source>Step one epoch</source>
        <translation>에포크 하나 학습</translation>
    </message>
    <message>
        <source>Reset weights</source>
        <translation>가중치 되돌리기</translation>
    </message>
    <message>
        <source>Back to the weights and thresholds from before the first epoch</source>
        <translation>첫 에포크 전의 가중치와 임계값으로 돌아갑니다</translation>
    </message>
    <message>
        <source>Examples from a CSV file</source>
        <translation>CSV 파일의 예제</translation>
    </message>
    <message>
        <source>CSV files (*.csv);;All files (*)</source>
        <translation>CSV 파일 (*.csv);;모든 파일 (*)</translation>
    </message>
    <message>
        <source>Not used: %1</source>
        <translation>쓰지 않음: %1</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>일시 정지</translation>
    </message>
    <message>
        <source>epoch %1, loss %2</source>
        <translation>에포크 %1, 손실 %2</translation>
    </message>
    <message>
        <source>, accuracy %1 %</source>
        <translation>, 정확도 %1 %</translation>
    </message>
    <message>
        <source>not trained yet</source>
        <translation>아직 학습하지 않음</translation>
    </message>
    <message>
        <source>The perceptron has learnt %1: no mistakes in epoch %2.</source>
        <translation>퍼셉트론이 %1을(를) 배웠습니다: 에포크 %2에서 틀린 예제가 없습니다.</translation>
    </message>
    <message>
        <source>In each of its %1 epochs the perceptron still got examples of %2 wrong, and it always will if no straight line separates the examples whose target is 1 from those whose target is 0.</source>
        <translation>퍼셉트론은 %1번의 에포크 모두에서 %2의 예제를 여전히 틀렸습니다. 목표값이 1인 예제와 0인 예제를 가르는 직선이 없다면 언제까지나 틀립니다.</translation>
    </message>
    <message>
        <source>For XOR none does: (0, 1) and (1, 0) must be on one side, (0, 0) and (1, 1) on the other.</source>
        <translation>XOR에는 그런 직선이 없습니다: (0, 1)과 (1, 0)은 한쪽에, (0, 0)과 (1, 1)은 다른 쪽에 있어야 하기 때문입니다.</translation>
    </message>
    <message>
        <source>Such data is not linearly separable, so one layer of step units cannot learn it; a hidden layer can.</source>
        <translation>이런 데이터는 선형 분리가 불가능하므로(not linearly separable) 계단 함수 뉴런 한 층으로는 배울 수 없고, 은닉층이 있으면 배울 수 있습니다.</translation>
    </message>
</context>
<context>
    <name>TrainingActions</name>
    <message>
        <source>&amp;Train dock</source>
        <translation>학습 패널(&amp;T)</translation>
    </message>
    <message>
        <source>Train / &amp;Pause</source>
        <translation>학습 / 일시 정지(&amp;P)</translation>
    </message>
    <message>
        <source>Run the planned epochs, or pause them</source>
        <translation>정한 에포크만큼 학습하거나 멈춥니다</translation>
    </message>
    <message>
        <source>Step one &amp;example</source>
        <translation>예제 하나 학습(&amp;E)</translation>
    </message>
    <message>
        <source>Learn from the next example, showing the forward and the backward pass</source>
        <translation>다음 예제 하나로 배우며 순전파와 역전파를 보여 줍니다</translation>
    </message>
    <message>
        <source>Step one e&amp;poch</source>
        <translation>에포크 하나 학습(&amp;P)</translation>
    </message>
    <message>
        <source>One pass through all the examples</source>
        <translation>모든 예제를 한 번 지나갑니다</translation>
    </message>
    <message>
        <source>&amp;Reset weights</source>
        <translation>가중치 되돌리기(&amp;R)</translation>
    </message>
    <message>
        <source>Back to the weights and thresholds from before the first epoch</source>
        <translation>첫 에포크 전의 가중치와 임계값으로 돌아갑니다</translation>
    </message>
    <message>
        <source>Learnt from example %1 (its loss before the step: %2). Hover a synapse for its Δw and ∂L/∂w; select a neuron for its δ.</source>
        <translation>예제 %1에서 배웠습니다 (학습 전 손실: %2). 시냅스 위에 마우스를 올리면 Δw와 ∂L/∂w가, 뉴런을 선택하면 δ가 보입니다.</translation>
    </message>
    <message>
        <source>w = %1   Δw = %2   ∂L/∂w = %3 (the last step, example %4)</source>
        <translation>w = %1   Δw = %2   ∂L/∂w = %3 (마지막 학습, 예제 %4)</translation>
    </message>
</context>
<context>
    <name>TrainingPlots</name>
    <message>
        <source>epoch</source>
        <translation>에포크</translation>
    </message>
    <message>
        <source>loss</source>
        <translation>손실</translation>
    </message>
    <message>
        <source>accuracy (0 to 1)</source>
        <translation>정확도 (0에서 1)</translation>
    </message>
    <message>
        <source>input 1</source>
        <translation>입력 1</translation>
    </message>
    <message>
        <source>input 2</source>
        <translation>입력 2</translation>
    </message>
    <message>
        <source>the output over the inputs (decision boundary)</source>
        <translation>입력 평면 위의 출력 (결정 경계)</translation>
    </message>
    <message>
        <source>Reset the view</source>
        <translation>보기 되돌리기</translation>
    </message>
    <message>
        <source>Show all the data again, and keep it all in view as training goes on</source>
        <translation>데이터를 다시 모두 보여 주고, 학습이 이어지는 동안에도 모두 보이게 둡니다</translation>
    </message>
    <message>
        <source>Loss per epoch as CSV…</source>
        <translation>에포크별 손실을 CSV로…</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>내보내기</translation>
    </message>
</context>
<context>
    <name>TrainingSession</name>
    <message>
        <source>Train (epoch %1)</source>
        <translation>학습 (에포크 %1)</translation>
    </message>
    <message>
        <source>Train (epochs %1 to %2)</source>
        <translation>학습 (에포크 %1부터 %2까지)</translation>
    </message>
    <message>
        <source>Learn from example %1</source>
        <translation>예제 %1에서 배우기</translation>
    </message>
    <message>
        <source>Reset weights</source>
        <translation>가중치 되돌리기</translation>
    </message>
</context>
<context>
    <name>Vocabulary</name>
    <message>
        <source>Id</source>
        <translation>Id</translation>
    </message>
    <message>
        <source>Label</source>
        <translation>이름표</translation>
    </message>
    <message>
        <source>Kind (cell type)</source>
        <translation>종류 (세포 유형)</translation>
    </message>
    <message>
        <source>Activation function (firing rule)</source>
        <translation>활성화 함수 (발화 규칙)</translation>
    </message>
    <message>
        <source>Threshold θ (bias b = −θ)</source>
        <translation>임계값 θ (편향 b = −θ)</translation>
    </message>
    <message>
        <source>Bias b = −θ</source>
        <translation>편향 b = −θ</translation>
    </message>
    <message>
        <source>Input value (signal on the dendrite)</source>
        <translation>입력값 (수상돌기로 들어오는 신호)</translation>
    </message>
    <message>
        <source>Sensor (input value)</source>
        <translation>센서 (입력값)</translation>
    </message>
    <message>
        <source>Membrane time constant τ</source>
        <translation>막 시간 상수 τ</translation>
    </message>
    <message>
        <source>Resting potential</source>
        <translation>휴지 전위</translation>
    </message>
    <message>
        <source>Reset potential (after a spike)</source>
        <translation>재설정 전위 (스파이크 뒤)</translation>
    </message>
    <message>
        <source>Firing threshold (spike threshold)</source>
        <translation>발화 임계값 (스파이크 임계값)</translation>
    </message>
    <message>
        <source>Refractory period</source>
        <translation>불응기</translation>
    </message>
    <message>
        <source>Constant drive (input current)</source>
        <translation>일정한 구동 입력 (입력 전류)</translation>
    </message>
    <message>
        <source>Initial membrane potential</source>
        <translation>처음 막전위</translation>
    </message>
    <message>
        <source>Adaptation per spike (R·g)</source>
        <translation>스파이크마다의 적응 (R·g)</translation>
    </message>
    <message>
        <source>Adaptation time constant</source>
        <translation>적응 시간 상수</translation>
    </message>
    <message>
        <source>Lowest potential</source>
        <translation>가장 낮은 전위</translation>
    </message>
    <message>
        <source>Highest potential</source>
        <translation>가장 높은 전위</translation>
    </message>
    <message>
        <source>Frequency</source>
        <translation>주파수</translation>
    </message>
    <message>
        <source>Firing rate</source>
        <translation>발화율</translation>
    </message>
    <message>
        <source>First spike at</source>
        <translation>첫 스파이크 시각</translation>
    </message>
    <message>
        <source>Random seed</source>
        <translation>난수 시드</translation>
    </message>
    <message>
        <source>Connects (axon → dendrite)</source>
        <translation>연결 (축삭돌기 → 수상돌기)</translation>
    </message>
    <message>
        <source>Weight (synapse strength)</source>
        <translation>가중치 (시냅스 강도)</translation>
    </message>
    <message>
        <source>Delay (axon conduction time)</source>
        <translation>지연 (축삭돌기 전도 시간)</translation>
    </message>
    <message>
        <source>Synapse type</source>
        <translation>시냅스 종류</translation>
    </message>
    <message>
        <source>Synaptic time constant τ_syn</source>
        <translation>시냅스 시간 상수 τ_syn</translation>
    </message>
    <message>
        <source>Plasticity</source>
        <translation>가소성</translation>
    </message>
    <message>
        <source>A_pre (pre before post)</source>
        <translation>A_pre (앞 뉴런이 먼저)</translation>
    </message>
    <message>
        <source>A_post (post before pre)</source>
        <translation>A_post (뒤 뉴런이 먼저)</translation>
    </message>
    <message>
        <source>τ_pre (trace apre)</source>
        <translation>τ_pre (흔적 apre)</translation>
    </message>
    <message>
        <source>τ_post (trace apost)</source>
        <translation>τ_post (흔적 apost)</translation>
    </message>
    <message>
        <source>Lowest weight w_min</source>
        <translation>최소 가중치 w_min</translation>
    </message>
    <message>
        <source>Highest weight w_max</source>
        <translation>최대 가중치 w_max</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>이름</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>설명</translation>
    </message>
    <message>
        <source>Model (neuron type)</source>
        <translation>모델 (뉴런 유형)</translation>
    </message>
    <message>
        <source>Update scheme</source>
        <translation>갱신 방식</translation>
    </message>
    <message>
        <source>Time step dt</source>
        <translation>시간 간격 dt</translation>
    </message>
    <message>
        <source>Number of neurons</source>
        <translation>뉴런 수</translation>
    </message>
    <message>
        <source>input (sensor / feature)</source>
        <translation>입력 (센서 / 특성)</translation>
    </message>
    <message>
        <source>neuron (unit)</source>
        <translation>뉴런 (유닛)</translation>
    </message>
    <message>
        <source>generator (spike source)</source>
        <translation>생성기 (스파이크 발생원)</translation>
    </message>
    <message>
        <source>step (all-or-nothing firing)</source>
        <translation>계단 함수 (실무율 발화)</translation>
    </message>
    <message>
        <source>sigmoid (logistic)</source>
        <translation>시그모이드 (로지스틱)</translation>
    </message>
    <message>
        <source>tanh</source>
        <translation>tanh</translation>
    </message>
    <message>
        <source>ReLU (rectifier)</source>
        <translation>ReLU (정류 함수)</translation>
    </message>
    <message>
        <source>linear (identity)</source>
        <translation>선형 (항등 함수)</translation>
    </message>
    <message>
        <source>regular (evenly spaced)</source>
        <translation>규칙적 (일정한 간격)</translation>
    </message>
    <message>
        <source>Poisson (random)</source>
        <translation>푸아송 (무작위)</translation>
    </message>
    <message>
        <source>DC current (constant)</source>
        <translation>직류 전류 (일정)</translation>
    </message>
    <message>
        <source>AC current (sine)</source>
        <translation>교류 전류 (사인파)</translation>
    </message>
    <message>
        <source>delta (v jumps by w)</source>
        <translation>delta (v가 w만큼 도약)</translation>
    </message>
    <message>
        <source>current, decaying exponentially</source>
        <translation>전류, 지수적으로 감소</translation>
    </message>
    <message>
        <source>current, alpha function</source>
        <translation>전류, 알파 함수</translation>
    </message>
    <message>
        <source>rate (artificial neurons)</source>
        <translation>발화율 모델 (인공 뉴런)</translation>
    </message>
    <message>
        <source>spiking (integrate-and-fire)</source>
        <translation>스파이킹 모델 (적분-발화)</translation>
    </message>
    <message>
        <source>feedforward (layer by layer)</source>
        <translation>순방향 (층별로)</translation>
    </message>
    <message>
        <source>synchronous (all at once)</source>
        <translation>동기식 (모두 함께)</translation>
    </message>
    <message>
        <source>Input %1</source>
        <translation>입력 %1</translation>
    </message>
    <message>
        <source>Neuron %1</source>
        <translation>뉴런 %1</translation>
    </message>
    <message>
        <source>Generator %1</source>
        <translation>생성기 %1</translation>
    </message>
    <message>
        <source>signal arriving on a dendrite</source>
        <translation>수상돌기로 들어오는 신호</translation>
    </message>
    <message>
        <source>input x</source>
        <translation>입력 x</translation>
    </message>
    <message>
        <source>sensory cell firing</source>
        <translation>감각 세포의 발화</translation>
    </message>
    <message>
        <source>input x = 1</source>
        <translation>입력 x = 1</translation>
    </message>
    <message>
        <source>synapse strength</source>
        <translation>시냅스 강도</translation>
    </message>
    <message>
        <source>weight w</source>
        <translation>가중치 w</translation>
    </message>
    <message>
        <source>firing threshold</source>
        <translation>발화 임계값</translation>
    </message>
    <message>
        <source>threshold θ = −bias</source>
        <translation>임계값 θ = −편향</translation>
    </message>
    <message>
        <source>bias b = −θ</source>
        <translation>편향 b = −θ</translation>
    </message>
    <message>
        <source>firing (how strongly the cell fires)</source>
        <translation>발화 (세포가 얼마나 세게 발화하는지)</translation>
    </message>
    <message>
        <source>activation function f</source>
        <translation>활성화 함수 f</translation>
    </message>
    <message>
        <source>axon → dendrite</source>
        <translation>축삭돌기 → 수상돌기</translation>
    </message>
    <message>
        <source>output → input</source>
        <translation>출력 → 입력</translation>
    </message>
    <message>
        <source>sensory cell / nerve cell</source>
        <translation>감각 세포 / 신경 세포</translation>
    </message>
    <message>
        <source>input / unit</source>
        <translation>입력 / 유닛</translation>
    </message>
    <message>
        <source>spike threshold</source>
        <translation>스파이크 임계값</translation>
    </message>
    <message>
        <source>threshold θ</source>
        <translation>임계값 θ</translation>
    </message>
    <message>
        <source>input current</source>
        <translation>입력 전류</translation>
    </message>
    <message>
        <source>a constant input, like a bias</source>
        <translation>편향과 같은 일정한 입력</translation>
    </message>
    <message>
        <source>conduction along the axon</source>
        <translation>축삭돌기를 따라 전도되는 시간</translation>
    </message>
    <message>
        <source>(no counterpart: a unit&apos;s output arrives at once)</source>
        <translation>(대응 없음: 유닛의 출력은 바로 도착합니다)</translation>
    </message>
    <message>
        <source>synaptic plasticity: cells that fire together wire together</source>
        <translation>시냅스 가소성: 함께 발화하는 세포는 함께 연결된다</translation>
    </message>
    <message>
        <source>a local learning rule: no error is sent back, unlike backprop</source>
        <translation>국소 학습 규칙: 역전파와 달리 오차를 거꾸로 보내지 않음</translation>
    </message>
    <message>
        <source>Biology: %1  ↔  Deep learning: %2</source>
        <translation>생물학: %1  ↔  딥러닝: %2</translation>
    </message>
    <message>
        <source>Dendrites</source>
        <translation>수상돌기</translation>
    </message>
    <message>
        <source>input spikes arrive here</source>
        <translation>입력 스파이크가 여기에 도착</translation>
    </message>
    <message>
        <source>weight w: each spike moves v by w mV</source>
        <translation>가중치 w: 스파이크마다 v가 w mV 바뀜</translation>
    </message>
    <message>
        <source>Soma: membrane potential v</source>
        <translation>세포체: 막전위 v</translation>
    </message>
    <message>
        <source>adds up the inputs, leaks back to rest</source>
        <translation>입력을 더하고, 휴지 전위로 새어 나감</translation>
    </message>
    <message>
        <source>Axon hillock: spike when v ≥ %1 mV</source>
        <translation>축삭 둔덕: v ≥ %1 mV이면 스파이크</translation>
    </message>
    <message>
        <source>then silent for the refractory period, %1 ms</source>
        <translation>그 뒤 불응기 %1 ms 동안 잠잠함</translation>
    </message>
    <message>
        <source>carries the spike, all or nothing</source>
        <translation>스파이크를 전달 (실무율)</translation>
    </message>
    <message>
        <source>Input spikes × weights w (mV)</source>
        <translation>입력 스파이크 × 가중치 w (mV)</translation>
    </message>
    <message>
        <source>v: membrane potential (mV)</source>
        <translation>v: 막전위 (mV)</translation>
    </message>
    <message>
        <source>soma: adds up the inputs, leaks</source>
        <translation>세포체: 입력을 더하고 새어 나감</translation>
    </message>
    <message>
        <source>Spike when v ≥ %1 mV</source>
        <translation>v ≥ %1 mV이면 스파이크</translation>
    </message>
    <message>
        <source>axon hillock; refractory period %1 ms</source>
        <translation>축삭 둔덕, 불응기 %1 ms</translation>
    </message>
    <message>
        <source>Output: spikes</source>
        <translation>출력: 스파이크</translation>
    </message>
    <message>
        <source>inputs x₁, x₂, …</source>
        <translation>입력 x₁, x₂, …</translation>
    </message>
    <message>
        <source>Synapse</source>
        <translation>시냅스</translation>
    </message>
    <message>
        <source>weight w (synapse strength)</source>
        <translation>가중치 w (시냅스 강도)</translation>
    </message>
    <message>
        <source>Soma (cell body)</source>
        <translation>세포체 (소마)</translation>
    </message>
    <message>
        <source>weighted sum Σ w·x − θ</source>
        <translation>가중합 Σ w·x − θ</translation>
    </message>
    <message>
        <source>Axon hillock: fires or not</source>
        <translation>축삭 둔덕: 발화할지 결정</translation>
    </message>
    <message>
        <source>Axon</source>
        <translation>축삭돌기</translation>
    </message>
    <message>
        <source>output a = f(Σ w·x − θ)</source>
        <translation>출력 a = f(Σ w·x − θ)</translation>
    </message>
    <message>
        <source>Inputs x and weights w</source>
        <translation>입력 x와 가중치 w</translation>
    </message>
    <message>
        <source>dendrites and synapses</source>
        <translation>수상돌기와 시냅스</translation>
    </message>
    <message>
        <source>Σ weighted sum</source>
        <translation>Σ 가중합</translation>
    </message>
    <message>
        <source>soma (cell body)</source>
        <translation>세포체 (소마)</translation>
    </message>
    <message>
        <source>f activation function</source>
        <translation>f 활성화 함수</translation>
    </message>
    <message>
        <source>axon hillock: fires or not</source>
        <translation>축삭 둔덕: 발화할지 결정</translation>
    </message>
    <message>
        <source>Output a</source>
        <translation>출력 a</translation>
    </message>
    <message>
        <source>axon</source>
        <translation>축삭돌기</translation>
    </message>
    <message>
        <source>Output (spikes or current)</source>
        <translation>출력 (스파이크 또는 전류)</translation>
    </message>
    <message>
        <source>A new neuron starts as a step unit with θ = %1: silent while all its inputs are 0, it fires once an input of weight 1 is on.</source>
        <translation>새 뉴런은 θ = %1인 계단 함수 유닛으로 시작합니다: 입력이 모두 0이면 발화하지 않고, 가중치 1인 입력 하나가 켜지면 발화합니다.</translation>
    </message>
    <message>
        <source>The neuron&apos;s permanent name in the file; it cannot be changed.</source>
        <translation>파일 속 뉴런의 고유한 이름. 바꿀 수 없습니다.</translation>
    </message>
    <message>
        <source>The presynaptic neuron (its axon) and the postsynaptic neuron (its dendrite).</source>
        <translation>시냅스 앞 뉴런(축삭돌기)과 시냅스 뒤 뉴런(수상돌기).</translation>
    </message>
    <message>
        <source>Deep learning writes f(Σ w·a + b); editing the bias b sets the threshold θ = −b.</source>
        <translation>딥러닝에서는 f(Σ w·a + b)로 씁니다. 편향 b를 바꾸면 임계값 θ = −b가 정해집니다.</translation>
    </message>
    <message>
        <source>STDP: a spike that arrives shortly before the target fires strengthens the synapse (by about A_pre); one that arrives shortly after weakens it (A_post &lt; 0). The weight changes while the network plays; Reset returns to the start weight.</source>
        <translation>STDP: 받는 뉴런이 발화하기 직전에 도착한 스파이크는 시냅스를 강하게 하고(약 A_pre만큼), 발화 직후에 도착한 스파이크는 약하게 합니다(A_post &lt; 0). 가중치는 네트워크가 실행되는 동안 바뀌며, 초기화하면 처음 가중치로 돌아갑니다.</translation>
    </message>
    <message>
        <source>From %1 to %2%3</source>
        <translation>%1부터 %2%3까지</translation>
    </message>
</context>
<context>
    <name>WeightDock</name>
    <message>
        <source>Weights (STDP)</source>
        <translation>가중치 (STDP)</translation>
    </message>
    <message>
        <source>Save the sampled weights of the synapses that learn</source>
        <translation>학습하는 시냅스의 기록된 가중치 저장</translation>
    </message>
    <message>
        <source>Keep the learned weights</source>
        <translation>학습한 가중치 유지</translation>
    </message>
    <message>
        <source>Make the weights learned so far the network&apos;s own (saved with it, where Reset starts from); one undo step</source>
        <translation>지금까지 학습한 가중치를 네트워크의 가중치로 만듭니다 (함께 저장되고, 초기화하면 여기서 시작). 실행 취소 한 단계</translation>
    </message>
    <message>
        <source>time (ms)</source>
        <translation>시간 (ms)</translation>
    </message>
    <message>
        <source>weight w (mV)</source>
        <translation>가중치 w (mV)</translation>
    </message>
    <message>
        <source>No synapse learns here. Select a synapse of a spiking network and tick “learns while the network plays” in the inspector&apos;s STDP section, then play.</source>
        <translation>여기에는 학습하는 시냅스가 없습니다. 스파이킹 네트워크의 시냅스를 선택하고 속성 창의 STDP 부분에서 “네트워크가 실행되는 동안 학습”을 체크한 다음 재생하세요.</translation>
    </message>
    <message>
        <source>all synapses that learn; select some to see only them</source>
        <translation>학습하는 모든 시냅스. 일부만 보려면 선택하세요</translation>
    </message>
</context>
<context>
    <name>commands</name>
    <message>
        <source>Add %s</source>
        <translation>%s 추가</translation>
    </message>
    <message>
        <source>Delete %s</source>
        <translation>%s 삭제</translation>
    </message>
    <message>
        <source>Connect %s → %s</source>
        <translation>%s → %s 연결</translation>
    </message>
    <message>
        <source>Delete synapse %s → %s</source>
        <translation>시냅스 %s → %s 삭제</translation>
    </message>
    <message>
        <source>Set weight</source>
        <translation>가중치 변경</translation>
    </message>
    <message>
        <source>Set delay</source>
        <translation>지연 변경</translation>
    </message>
    <message>
        <source>Set STDP learning</source>
        <translation>STDP 학습 설정</translation>
    </message>
    <message>
        <source>Set threshold</source>
        <translation>임계값 변경</translation>
    </message>
    <message>
        <source>Set input value</source>
        <translation>입력값 변경</translation>
    </message>
    <message>
        <source>Set activation</source>
        <translation>활성화 함수 변경</translation>
    </message>
    <message>
        <source>Rename</source>
        <translation>이름 바꾸기</translation>
    </message>
    <message>
        <source>Move</source>
        <translation>옮기기</translation>
    </message>
    <message>
        <source>Set kind</source>
        <translation>종류 변경</translation>
    </message>
    <message>
        <source>Set model</source>
        <translation>모델 변경</translation>
    </message>
    <message>
        <source>Set update scheme</source>
        <translation>갱신 방식 변경</translation>
    </message>
    <message>
        <source>Set time step</source>
        <translation>시간 간격 변경</translation>
    </message>
    <message>
        <source>Set membrane time constant</source>
        <translation>막 시간 상수 변경</translation>
    </message>
    <message>
        <source>Set resting potential</source>
        <translation>휴지 전위 변경</translation>
    </message>
    <message>
        <source>Set reset potential</source>
        <translation>재설정 전위 변경</translation>
    </message>
    <message>
        <source>Set firing threshold</source>
        <translation>발화 임계값 변경</translation>
    </message>
    <message>
        <source>Set refractory period</source>
        <translation>불응기 변경</translation>
    </message>
    <message>
        <source>Set constant drive</source>
        <translation>일정한 구동 입력 변경</translation>
    </message>
    <message>
        <source>Set initial membrane potential</source>
        <translation>초기 막전위 변경</translation>
    </message>
    <message>
        <source>Set spike pattern</source>
        <translation>스파이크 패턴 변경</translation>
    </message>
    <message>
        <source>Set firing rate</source>
        <translation>발화율 변경</translation>
    </message>
    <message>
        <source>Set first spike time</source>
        <translation>첫 스파이크 시각 변경</translation>
    </message>
    <message>
        <source>Set random seed</source>
        <translation>난수 시드 변경</translation>
    </message>
    <message>
        <source>Set frequency</source>
        <translation>주파수 변경</translation>
    </message>
    <message>
        <source>Set adaptation</source>
        <translation>적응 변경</translation>
    </message>
    <message>
        <source>Set adaptation time constant</source>
        <translation>적응 시간 상수 변경</translation>
    </message>
    <message>
        <source>Set lowest potential</source>
        <translation>가장 낮은 전위 변경</translation>
    </message>
    <message>
        <source>Set highest potential</source>
        <translation>가장 높은 전위 변경</translation>
    </message>
    <message>
        <source>Set synaptic time constant</source>
        <translation>시냅스 시간 상수 변경</translation>
    </message>
    <message>
        <source>Set name</source>
        <translation>이름 변경</translation>
    </message>
    <message>
        <source>Set description</source>
        <translation>설명 변경</translation>
    </message>
    <message>
        <source>Set %1</source>
        <translation>%1 변경</translation>
    </message>
    <message>
        <source>Add note</source>
        <translation>메모 추가</translation>
    </message>
    <message>
        <source>Delete note</source>
        <translation>메모 삭제</translation>
    </message>
    <message>
        <source>Edit note</source>
        <translation>메모 고치기</translation>
    </message>
    <message>
        <source>Move note</source>
        <translation>메모 옮기기</translation>
    </message>
    <message>
        <source>Resize note</source>
        <translation>메모 크기 바꾸기</translation>
    </message>
    <message>
        <source>Move %s</source>
        <translation>%s 옮기기</translation>
    </message>
    <message>
        <source>Move %n neurons</source>
        <translation>뉴런 %n개 옮기기</translation>
    </message>
    <message>
        <source>Move %n items</source>
        <translation>항목 %n개 옮기기</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>삭제</translation>
    </message>
    <message>
        <source>Convert to spiking</source>
        <translation>스파이킹 모델로 변환</translation>
    </message>
    <message>
        <source>Convert to rate</source>
        <translation>발화율 모델로 변환</translation>
    </message>
</context>
<context>
    <name>notes</name>
    <message>
        <source>Type the note. Esc or a click outside it keeps it; Ctrl+Z inside it undoes typing.</source>
        <translation>메모를 입력하세요. Esc를 누르거나 메모 밖을 클릭하면 저장되고, 메모 안에서 Ctrl+Z를 누르면 입력을 되돌립니다.</translation>
    </message>
    <message>
        <source>A note holds at most %1 characters: the rest was cut off.</source>
        <translation>메모에는 %1자까지만 들어갑니다. 나머지는 잘렸습니다.</translation>
    </message>
</context>
<context>
    <name>tools</name>
    <message>
        <source>Connection cancelled.</source>
        <translation>연결을 취소했습니다.</translation>
    </message>
    <message>
        <source>Connection cancelled: release on a neuron to connect.</source>
        <translation>연결을 취소했습니다: 연결하려면 뉴런 위에서 놓으세요.</translation>
    </message>
    <message>
        <source>Connected %1 → %2 with weight 1. Double-click the synapse to change it.</source>
        <translation>%1 → %2을(를) 가중치 1로 연결했습니다. 바꾸려면 시냅스를 더블클릭하세요.</translation>
    </message>
    <message>
        <source>Select and move: click or drag a box to select, drag to move, drag from an axon&apos;s end to connect, double-click to edit, click an input to switch it 0/1.</source>
        <translation>선택과 이동: 클릭하거나 상자를 끌어 선택하고, 끌어서 옮기고, 축삭돌기 끝에서 끌어 연결하고, 더블클릭해 편집하고, 입력을 클릭해 0/1을 전환합니다.</translation>
    </message>
    <message>
        <source>Switch input %1</source>
        <translation>입력 %1 전환</translation>
    </message>
    <message>
        <source>Add input: click on empty canvas to place an input (a sensor whose value you set).</source>
        <translation>입력 추가: 빈 캔버스를 클릭해 입력(값을 직접 정하는 센서)을 놓습니다.</translation>
    </message>
    <message>
        <source>Add neuron: click on empty canvas to place a neuron. Esc returns to Select.</source>
        <translation>뉴런 추가: 빈 캔버스를 클릭해 뉴런을 놓습니다. Esc를 누르면 선택 도구로 돌아갑니다.</translation>
    </message>
    <message>
        <source>Add generator: click on empty canvas to place a spike generator (spiking networks).</source>
        <translation>생성기 추가: 빈 캔버스를 클릭해 스파이크 생성기를 놓습니다 (스파이킹 네트워크).</translation>
    </message>
    <message>
        <source>Connect: press on a neuron, drag to the neuron it should excite, release. Release on empty canvas or press Esc to cancel.</source>
        <translation>연결: 뉴런을 누른 채 자극할 뉴런까지 끌고 놓습니다. 빈 캔버스에서 놓거나 Esc를 누르면 취소합니다.</translation>
    </message>
    <message>
        <source>Note: click on the canvas to put a text box there and type. Esc or a click outside the note keeps it.</source>
        <translation>메모: 캔버스를 클릭해 글상자를 놓고 입력합니다. Esc를 누르거나 메모 밖을 클릭하면 저장됩니다.</translation>
    </message>
</context>
</TS>
