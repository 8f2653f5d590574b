"""The comments of the exported scripts and the notes about them, in English and Korean.

The model cannot use Qt's tr(), so the generators' few sentences live here as a table: a key, the
English text and the Korean text, with the same `{name}` placeholders (tests/codegen check that).
The code, numbers and names in a script stay as they are in either language.
"""

from __future__ import annotations

from typing import Any

from neuron_sim.model.messages import fill

PHRASES: dict[str, tuple[str, str]] = {
    # ---- every script
    "untitled": ("Untitled network", "제목 없는 네트워크"),
    "target_keras": ("Keras", "Keras"),
    "target_pytorch": ("PyTorch", "PyTorch"),
    "target_brian2": ("Brian2", "Brian2"),
    "target_pynn": ("PyNN", "PyNN"),
    "header": ("{title}: a neuron-sim network as a {target} script.",
               "{title}: neuron-sim 네트워크를 {target} 스크립트로 내보낸 것입니다."),
    "run_it": ("Run it with `python FILE`: its last line of output is the JSON that\n"
               "`neuron-sim simulate --steps {steps}` prints for the same network.",
               "`python 파일이름`으로 실행하면 마지막 줄에, 같은 네트워크에 대해\n"
               "`neuron-sim simulate --steps {steps}`가 출력하는 것과 같은 JSON을 출력합니다."),
    "notes_title": ("Good to know:", "알아 둘 점:"),
    "ids": ("Every neuron in file order: the columns of the output.",
            "파일 순서대로 모든 뉴런: 출력의 열입니다."),
    "steps": ("Updates to run, as `neuron-sim simulate --steps`.",
              "실행할 업데이트 수 (`neuron-sim simulate --steps`와 같음)."),
    "json_footer": ("The last line: the same JSON as `neuron-sim simulate` prints.",
                    "마지막 줄: `neuron-sim simulate`가 출력하는 것과 같은 JSON."),
    "float64": ("64-bit numbers, as neuron-sim computes (32-bit ones differ from about the 7th digit).",
                "neuron-sim처럼 64비트 실수로 계산합니다 (32비트는 7번째 자리쯤부터 달라집니다)."),
    "inputs": ("The inputs x and their values (one row: one example).",
               "입력 x와 그 값 (한 행이 예제 하나)."),
    "weights_doc": ("W has a row per input of the layer and a column per neuron (as neuron-sim's W panel);\n"
                    "b = −θ: the bias is minus the threshold.",
                    "W는 층의 입력마다 한 행, 뉴런마다 한 열입니다 (neuron-sim의 W 패널과 같음).\n"
                    "b = −θ: 편향은 임계값의 음수입니다."),
    "layer": ("Layer {number}: {units} ← {sources}", "{number}층: {units} ← {sources}"),
    "mixed_layer": ("Its neurons have different activation functions ({activations}) and a layer has one,\n"
                    "so it is computed as one part per activation, side by side.",
                    "이 층의 뉴런은 활성화 함수가 서로 다르고 ({activations}) 층 하나에는 활성화 함수가 하나이므로,\n"
                    "활성화 함수마다 한 부분씩 나란히 계산합니다."),
    "same_pass": ("A feedforward network computes the same pass at every step: one row per step.",
                  "피드포워드 네트워크는 스텝마다 같은 계산을 합니다: 스텝마다 한 행."),
    "step_fn": ("The step function: 1 where net ≥ 0, else 0. {framework} has none, so here is one;\n"
                "its gradient is 0, so a step unit does not learn by backpropagation.",
                "계단 함수: net ≥ 0이면 1, 아니면 0. {framework}에는 없어서 여기서 정의합니다.\n"
                "기울기가 0이라 계단 함수 뉴런은 역전파로 학습하지 않습니다."),
    # ---- Keras
    "keras_backend": ("Keras runs on JAX, TensorFlow or PyTorch: JAX here, unless KERAS_BACKEND names another.\n"
                      "JAX_ENABLE_X64 lets JAX compute with 64-bit numbers.",
                      "Keras는 JAX, TensorFlow, PyTorch 위에서 동작합니다: KERAS_BACKEND가 다른 것을 정하지\n"
                      "않으면 JAX를 씁니다. JAX_ENABLE_X64는 JAX가 64비트 실수로 계산하게 합니다."),
    "keras_mask": ("Where two neurons have no synapse, the kernel holds 0; this constraint keeps it 0\n"
                   "when the model is trained (training would otherwise create the synapse).",
                   "시냅스가 없는 곳의 커널 값은 0입니다. 이 제약은 학습할 때에도 0으로 유지합니다\n"
                   "(그렇지 않으면 학습이 시냅스를 만들어 냅니다)."),
    "keras_sequential": ("A stack of Dense layers: each layer is fully connected to the one before it.",
                         "Dense 층을 쌓은 모델: 각 층은 바로 앞 층과 완전히 연결되어 있습니다."),
    "keras_functional": ("The functional API: a layer may read several earlier layers (concatenated), and a\n"
                         "missing synapse is a masked kernel entry. Why not a stack of Dense layers: see the top.",
                         "함수형 API: 한 층이 앞의 여러 층을 (이어 붙여) 읽을 수 있고, 없는 시냅스는 커널에서\n"
                         "마스크로 가립니다. Dense 층을 쌓지 않은 이유는 맨 위를 보세요."),
    "keras_weights": ("Set the weights: layer.set_weights([W, b]).", "가중치 설정: layer.set_weights([W, b])."),
    "keras_run_layers": ("Run the network once and keep every layer's output, not only the last.",
                         "네트워크를 한 번 계산하고 마지막 층만이 아니라 모든 층의 출력을 모읍니다."),
    # ---- PyTorch
    "torch_module": ("The network as a PyTorch module: forward(x) computes the layers in order and returns\n"
                     "every layer's output.",
                     "네트워크를 PyTorch 모듈로: forward(x)는 층을 차례로 계산하고 모든 층의 출력을 돌려줍니다."),
    "torch_tick": ("The network as a PyTorch module: forward(a) is one tick of the synchronous update:\n"
                   "every neuron computes at once from the activations a of the previous tick.",
                   "네트워크를 PyTorch 모듈로: forward(a)는 동기 업데이트의 한 틱입니다:\n"
                   "모든 뉴런이 이전 틱의 활성값 a로부터 동시에 계산합니다."),
    "torch_mask": ("mask: 1 where a synapse exists, 0 where none does (so training cannot create one).",
                   "mask: 시냅스가 있으면 1, 없으면 0 (학습이 시냅스를 만들지 못하게 합니다)."),
    "tick_weights": ("One tick: {units} ← {sources}", "한 틱: {units} ← {sources}"),
    "torch_computing": ("The positions in IDS of the computing neurons: the columns of w.",
                        "계산하는 뉴런들의 IDS 안 위치: w의 열입니다."),
    "torch_clamp": ("As in neuron-sim, an output levels off at ±1e100 (a loop that grows would overflow).",
                    "neuron-sim처럼 출력은 ±1e100에서 멈춥니다 (커지는 루프가 넘치지 않도록)."),
    "torch_ticks": ("Run the ticks; row k holds the activations after k + 1 ticks.",
                    "틱을 실행합니다. k번째 행은 k + 1번째 틱 뒤의 활성값입니다."),
    "torch_train": ("Training as `neuron-sim train` does it: backpropagation, the loss ½·Σ(a − t)² over the\n"
                    "output neurons averaged over the examples, plain SGD. Remove the # to run it;\n"
                    "`examples` holds the inputs, `targets` the wanted outputs ({outputs}).",
                    "`neuron-sim train`과 같은 학습: 역전파, 출력 뉴런에 대한 손실 ½·Σ(a − t)²를 예제에 대해\n"
                    "평균, 기본 SGD. #을 지우면 실행됩니다. `examples`는 입력, `targets`는 원하는 출력\n"
                    "({outputs})입니다."),
    # ---- spiking, both Brian2 and PyNN
    "lif_model": ("Leaky integrate-and-fire cells: τ·dv/dt = v_rest + drive − v (v in mV); a spike when v\n"
                  "reaches v_threshold, then v = v_reset, held for the refractory period, when input is lost.",
                  "누설 적분-발화 뉴런: τ·dv/dt = v_rest + drive − v (v의 단위는 mV). v가 v_threshold에\n"
                  "이르면 스파이크, 그 뒤 v = v_reset으로 불응기 동안 유지되며 그동안 들어온 입력은 사라집니다."),
    "cells": ("The cells, in this order: {ids}", "뉴런, 이 순서로: {ids}"),
    "sources": ("The spike sources (generators and sensor inputs), in this order: {ids}",
                "스파이크 소스 (생성기와 감각 입력), 이 순서로: {ids}"),
    "source_rules": ("When each source fires, computed as neuron-sim schedules it:\n"
                     "- regular: at start + n / rate, rounded to the nearest step (several in one step count once);\n"
                     "- poisson: each step a spike when a random number of numpy's generator with the source's\n"
                     "  seed is below rate·dt (these are neuron-sim's spikes; a PoissonGroup would draw others);\n"
                     "- an input fires regularly while its value is not 0.",
                     "각 소스가 발화하는 때를 neuron-sim과 같은 방식으로 계산합니다:\n"
                     "- regular: start + n / rate, 가장 가까운 스텝으로 반올림 (한 스텝에 여럿이면 한 번);\n"
                     "- poisson: 스텝마다 소스의 시드로 만든 numpy 난수가 rate·dt보다 작으면 스파이크\n"
                     "  (neuron-sim과 같은 스파이크입니다. PoissonGroup은 다른 난수를 씁니다);\n"
                     "- 입력은 값이 0이 아닌 동안 일정하게 발화합니다."),
    "synapses": ("Synapses: each spike adds the weight (mV) to the target's v after the delay.",
                 "시냅스: 스파이크마다 지연 시간 뒤에 가중치(mV)를 대상 뉴런의 v에 더합니다."),
    "current_model": ("With currents (docs/spiking-model.md), all as R·I in mV: τ·dv/dt = (v_rest − v)·(1 + g_adapt)\n"
                      "+ drive + I_total. The inputs reach v through summed variables, which Brian2 computes before\n"
                      "the cells' update, so v integrates them held over the step; g_adapt decays after the update,\n"
                      "a spike adds `adaptation` to it, and v is kept within [v_min, v_max].",
                      "전류가 있을 때 (docs/spiking-model.md), 모든 전류는 R·I (mV): τ·dv/dt = (v_rest − v)·(1 + g_adapt)\n"
                      "+ drive + I_total. 입력은 summed 변수로 v에 닿고, Brian2는 이를 뉴런 갱신 전에 계산하므로\n"
                      "v는 한 스텝 동안 고정된 입력으로 적분됩니다. g_adapt는 갱신 뒤에 줄고, 스파이크마다\n"
                      "`adaptation`만큼 늘며, v는 [v_min, v_max] 안에 머뭅니다."),
    "current_synapses": ("Current synapses: each spike adds w to a current that decays with tau_syn (exp), or starts\n"
                         "an alpha function that peaks at w after tau_syn (alpha); their states decay after the cells'\n"
                         "update (order=1), as neuron-sim's do.",
                         "전류 시냅스: 스파이크마다 tau_syn으로 줄어드는 전류에 w를 더하거나 (exp), tau_syn 뒤에\n"
                         "최댓값 w에 이르는 알파 함수를 시작합니다 (alpha). 상태는 뉴런 갱신 뒤에 줄어듭니다\n"
                         "(order=1, neuron-sim과 같음)."),
    "current_sources": ("Current sources (dc, ac) send no spikes: each of their synapses adds w·shape to the\n"
                        "target's input at every step, shape = 1 (dc) or sin(2π·f·t) (ac).",
                        "전류원 (dc, ac)은 스파이크를 보내지 않습니다: 시냅스마다 매 스텝 w·shape를 표적 뉴런의\n"
                        "입력에 더합니다. shape = 1 (dc) 또는 sin(2π·f·t) (ac)."),
    "monitors": ("Record the spikes, and v at the end of each step.", "스파이크와 각 스텝 끝의 v를 기록합니다."),
    "spiking_output": ("The output: v (mV) of each cell after each step, 1 for a source in a step it fired;\n"
                       "spike times in ms (step · dt).",
                       "출력: 각 스텝 뒤 뉴런의 v(mV), 소스는 발화한 스텝에서 1; 스파이크 시각은 ms (스텝 · dt)."),
    # ---- Brian2
    "brian2_units": ("v is in millivolts as a plain number (not a Brian2 quantity), so that Brian2 does the same\n"
                     "arithmetic as neuron-sim: with volts, a v within rounding of the threshold could fire a\n"
                     "step apart.",
                     "v는 Brian2 물리량이 아닌 밀리볼트 단위의 수입니다. 그래야 Brian2가 neuron-sim과 같은\n"
                     "계산을 합니다: 볼트를 쓰면 임계값에 아주 가까운 v가 한 스텝 다르게 발화할 수 있습니다."),
    "brian2_target": ("The numpy target computes as neuron-sim does, to the last bit; 'cython' is faster for\n"
                      "long runs. For a large network, uncomment set_device to generate and run C++ instead.",
                      "numpy 타깃은 neuron-sim과 마지막 자리까지 같게 계산합니다. 긴 실행에는 'cython'이 빠릅니다.\n"
                      "큰 네트워크는 set_device의 주석을 풀어 C++ 코드를 만들어 실행하세요."),
    # ---- PyNN
    "pynn_backend": ("The simulator: pyNN.brian2 here; with `import pyNN.nest as sim` the same script runs on\n"
                     "NEST, also on a cluster (mpirun -np 4 python FILE).",
                     "시뮬레이터: 여기서는 pyNN.brian2. `import pyNN.nest as sim`으로 바꾸면 같은 스크립트가\n"
                     "NEST에서, 클러스터에서도 (mpirun -np 4 python 파일이름) 실행됩니다."),
    "pynn_cells": ("IF_curr_delta: a synapse makes v jump by its weight (mV). drive becomes the constant\n"
                   "current i_offset = drive·cm/τ (nA, with cm = 1 nF). PyNN's Brian2 back-end gives a\n"
                   "population one refractory period, so the cells are grouped by it.",
                   "IF_curr_delta: 시냅스는 v를 가중치(mV)만큼 올립니다. drive는 일정한 전류\n"
                   "i_offset = drive·cm/τ (nA, cm = 1 nF)가 됩니다. PyNN의 Brian2 백엔드는 한 집단에\n"
                   "불응기 하나만 허용하므로 뉴런을 불응기별로 묶습니다."),
    "pynn_brian2_clock": ("PyNN's Brian2 back-end times spike sources by Brian2's default clock, not by the\n"
                          "timestep given to setup: set it too.",
                          "PyNN의 Brian2 백엔드는 스파이크 소스의 시각을 setup에 준 timestep이 아니라 Brian2의\n"
                          "기본 시계로 맞춥니다: 그것도 같이 설정합니다."),
    "pynn_spare_source": ("PyNN's Brian2 back-end cannot make a SpikeSourceArray of one cell: a silent spare is added.",
                          "PyNN의 Brian2 백엔드는 셀 하나짜리 SpikeSourceArray를 만들지 못하므로 발화하지 않는 예비 소스를\n"
                          "하나 더합니다."),
    "pynn_sources": ("SpikeSourceArray: each source's spike times (ms).", "SpikeSourceArray: 각 소스의 스파이크 시각 (ms)."),
    "pynn_delays": ("Delays are given in whole time steps, rounded as neuron-sim rounds them (halves up).",
                    "지연은 neuron-sim처럼 (0.5는 올림으로) 반올림한 스텝 수로 줍니다."),
    # ---- the Dense lines of the As-code panel and of figures (summary.py)
    "dense_no_keras_activation": ("{activation}: not a Keras activation", "{activation}: Keras에 없는 활성화 함수"),
    "dense_same_layer": ("the same layer as the line above, another activation",
                         "위 줄과 같은 층, 다른 활성화 함수"),
    "dense_reads": ("reads {sources}", "입력: {sources}"),
    # ---- notes (also shown by a UI)
    "reason_skip": ("Keras: {neuron} receives from {source}, which is not in the layer just before it,\n"
                    "so this is not a stack of Dense layers; using the functional API.",
                    "Keras: {neuron}은(는) 바로 앞 층에 있지 않은 {source}에게서 입력을 받으므로\n"
                    "Dense 층을 쌓은 모델이 아닙니다. 함수형 API를 씁니다."),
    "reason_missing": ("Keras: {source} → {target} has no synapse, so the layers are not fully connected;\n"
                       "using the functional API with masked kernels.",
                       "Keras: {source} → {target}에 시냅스가 없어 층이 완전히 연결되어 있지 않습니다.\n"
                       "마스크한 커널로 함수형 API를 씁니다."),
    "reason_mixed": ("Keras: layer {layer} mixes activation functions ({activations}) and a Dense layer has one;\n"
                     "using the functional API with one Dense layer per activation.",
                     "Keras: {layer}층은 활성화 함수가 섞여 있는데 ({activations}) Dense 층은 하나만 가집니다.\n"
                     "활성화 함수마다 Dense 층 하나씩 함수형 API를 씁니다."),
    "pynn_threshold": ("PyNN fires when v passes the threshold (v > v_thresh), neuron-sim when v reaches it\n"
                       "(v ≥ v_threshold): a cell brought exactly to its threshold fires in neuron-sim, not here.",
                       "PyNN은 v가 임계값을 넘을 때 (v > v_thresh), neuron-sim은 v가 임계값에 이를 때\n"
                       "(v ≥ v_threshold) 발화합니다: 정확히 임계값이 된 뉴런은 neuron-sim에서만 발화합니다."),
    "pynn_zero_delay": ("{synapses}: a delay of 0 ms; PyNN's shortest delay is one time step ({dt} ms),\n"
                        "so these spikes arrive one step later than in neuron-sim.",
                        "{synapses}: 지연이 0 ms입니다. PyNN의 가장 짧은 지연은 한 스텝({dt} ms)이므로\n"
                        "이 스파이크는 neuron-sim보다 한 스텝 늦게 도착합니다."),
    "pynn_volts": ("PyNN computes v in volts: potentials agree with neuron-sim to about 1e-9 mV, not to the\n"
                   "last bit.",
                   "PyNN은 v를 볼트로 계산합니다: 전위는 neuron-sim과 약 1e-9 mV까지 같고, 마지막 자리까지\n"
                   "같지는 않습니다."),
}


def phrase(key: str, lang: str = "en", **values: Any) -> str:
    english, korean = PHRASES[key]
    return fill(korean if lang == "ko" else english, values)
