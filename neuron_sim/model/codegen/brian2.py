"""A spiking network as a Brian2 script: a `NeuronGroup` with the model's exact equations, the
sources as a `SpikeGeneratorGroup` with neuron-sim's spike times, `Synapses` with `on_pre` and
delays, `SpikeMonitor`s (docs/code-export.md). It reproduces neuron-sim spike for spike."""

from __future__ import annotations

from neuron_sim.model.codegen.common import (
    CodeExport,
    ExportOptions,
    Writer,
    header,
    integers,
    json_footer,
    number,
    numbers,
    resolve_steps,
    strings,
)
from neuron_sim.model.codegen.spike_plan import (
    SpikingPlan,
    is_current_source,
    names,
    source_schedule,
    spiking_plan,
    uniform,
    uses_currents,
)
from neuron_sim.model.network import Network

EQUATIONS = '''"""
dv/dt = (v_rest - v + drive) / tau : 1 (unless refractory)
v_rest : 1 (constant)
v_reset : 1 (constant)
v_threshold : 1 (constant)
drive : 1 (constant)
tau : second (constant)
t_ref : second (constant)
"""'''

# With currents (docs/spiking-model.md): one summed input per presynaptic group and synapse kind, and
# one for the current sources.
INPUTS = ("I_exp_cells", "I_alpha_cells", "I_exp_sources", "I_alpha_sources", "I_source")
CURRENT_EQUATIONS = '''"""
dv/dt = ((v_rest - v) * (1 + g_adapt) + drive + I_total) / tau : 1 (unless refractory)
I_total = I_exp_cells + I_alpha_cells + I_exp_sources + I_alpha_sources + I_source : 1
I_exp_cells : 1
I_alpha_cells : 1
I_exp_sources : 1
I_alpha_sources : 1
I_source : 1
g_adapt : 1
adaptation : 1 (constant)
tau_adapt : second (constant)
v_min : 1 (constant)
v_max : 1 (constant)
v_rest : 1 (constant)
v_reset : 1 (constant)
v_threshold : 1 (constant)
drive : 1 (constant)
tau : second (constant)
t_ref : second (constant)
"""'''
# a current synapse: its model (the summed target filled in) and what an arriving spike does
SYNAPSE_MODELS = {
    "current_exp": ('("w : 1\\ntau_syn : second (constant)\\nds/dt = -s / tau_syn : 1 (clock-driven)\\n"\n'
                    '         "{target}_post = s : 1 (summed)")', "s += w"),
    "current_alpha": ('("w : 1\\ntau_syn : second (constant)\\ndx/dt = -x / tau_syn : 1 (clock-driven)\\n"\n'
                      '         "dy/dt = (x - y) / tau_syn : 1 (clock-driven)\\n{target}_post = y : 1 (summed)")',
                      "x += w * exp(1)"),
}
SOURCE_EQUATIONS = '''"""
shape = ac * sin(2 * pi * frequency * t) + dc : 1
ac : 1 (constant)
dc : 1 (constant)
frequency : Hz (constant)
"""'''

# (Brian2 variable, neuron field, unit in the script)
CELL_FIELDS = (("v_rest", "v_rest_mV", ""), ("v_reset", "v_reset_mV", ""), ("v_threshold", "v_threshold_mV", ""),
               ("drive", "drive_mV", ""), ("tau", "tau_ms", " * ms"), ("t_ref", "refractory_ms", " * ms"))


def generate_brian2(network: Network, options: ExportOptions) -> CodeExport:
    plan = spiking_plan(network, "Brian2")
    steps = resolve_steps(network, options)
    write = Writer(options.lang)
    header(write, network, "target_brian2", steps, [])
    currents = uses_currents(plan)
    write("", "import json", "", "import numpy as np",
          "from brian2 import NeuronGroup, Network, SpikeGeneratorGroup, SpikeMonitor, StateMonitor, Synapses, "
          + ("Hz, " if currents else "") + "ms, prefs", "")
    write.say("brian2_target")
    write('prefs.codegen.target = "numpy"', "# from brian2 import set_device; set_device(\"cpp_standalone\")", "")
    write.say("ids")
    write(f"IDS = {strings(network.neurons)}")
    write.say("steps")
    write(f"STEPS = {steps}", f"DT_MS = {number(plan.dt_ms)}", "DT = DT_MS * ms")
    objects = _cells(write, plan, currents)
    source_schedule(write, plan)
    objects += _sources(write, plan)
    objects += _synapses(write, plan)
    if currents:
        objects += _currents(write, plan)
    write("", "")
    write.say("monitors")
    monitors = []
    if plan.cells:
        write("cell_spikes = SpikeMonitor(cells)",
              'voltages = StateMonitor(cells, "v", record=True, when="end", dt=DT)')
        monitors += ["cell_spikes", "voltages"]
    if plan.sources:
        write("source_spikes = SpikeMonitor(sources)")
        monitors.append("source_spikes")
    write(f"network = Network({', '.join(objects + monitors)})", "network.run(STEPS * DT)")
    _output(write, plan)
    json_footer(write, spikes=True)
    return CodeExport(write.text(), [])


def _cells(write: Writer, plan: SpikingPlan, currents: bool) -> list[str]:
    if not plan.cells:
        return []
    write("", "")
    write.say("lif_model")
    if currents:
        write.say("current_model")
    write.say("brian2_units")
    write.say("cells", ids=", ".join(n.id for n in plan.cells))
    write(f"CELLS = {names(plan.cells)}", f"equations = {CURRENT_EQUATIONS if currents else EQUATIONS}")
    reset = r'"v = v_reset\ng_adapt += adaptation"' if currents else '"v = v_reset"'
    write(f'cells = NeuronGroup(len(CELLS), equations, threshold="v >= v_threshold", reset={reset},',
          '                    refractory="t_ref", method="exact", dt=DT)')
    fields = (*CELL_FIELDS, ("v", "initial_v_mV", ""))
    if currents:
        fields += (("adaptation", "adaptation", ""), ("tau_adapt", "tau_adaptation_ms", " * ms"))
    for variable, field, unit in fields:
        _set_column(write, "cells", variable, [float(getattr(n, field)) for n in plan.cells], unit)
    if currents:
        for variable, field, missing in (("v_min", "v_min_mV", "-np.inf"), ("v_max", "v_max_mV", "np.inf")):
            values = [getattr(n, field) for n in plan.cells]
            if all(value is None for value in values):
                write(f"cells.{variable} = {missing}")
            else:
                listed = ", ".join(missing if value is None else number(value) for value in values)
                write(f"cells.{variable} = np.array([{listed}])")
        write('cells.run_regularly("g_adapt = g_adapt * exp(-dt / tau_adapt)", when="groups", order=1)',
              'cells.run_regularly("v = clip(v, v_min, v_max)", when="groups", order=2)')
    return ["cells"]


def _set_column(write: Writer, group: str, variable: str, values: list[float], unit: str) -> None:
    same = uniform(values)
    text = number(same) if same is not None else f"np.array({numbers(values)})"
    write(f"{group}.{variable} = {text}{unit}")


def _sources(write: Writer, plan: SpikingPlan) -> list[str]:
    if not plan.sources:
        return []
    write("", "")
    write.say("sources", ids=", ".join(n.id for n in plan.sources))
    write(f"SOURCES = {names(plan.sources)}",
          "indices = np.concatenate([np.full(len(s), i) for i, s in enumerate(SOURCE_STEPS)])",
          "times = np.concatenate(SOURCE_STEPS) * DT",
          "sources = SpikeGeneratorGroup(len(SOURCES), indices, times, dt=DT)")
    return ["sources"]


def _synapses(write: Writer, plan: SpikingPlan) -> list[str]:
    objects = []
    cell = plan.cell_index
    said = False
    fed = {n.id for n in plan.sources if is_current_source(n)}
    for pre, from_sources, index in (("cells", False, cell), ("sources", True, plan.source_index)):
        chosen = [s for s in plan.from_sources(from_sources) if s.kind == "delta" and s.source not in fed]
        if not chosen:
            continue
        if not said:
            write("", "")
            write.say("synapses")
            said = True
        name = f"{pre}_to_cells"
        write(f'{name} = Synapses({pre}, cells, "w : 1", on_pre="v_post += w", dt=DT)',
              f"{name}.connect(i={integers(index[s.source] for s in chosen)},",
              f"{' ' * len(name)}         j={integers(cell[s.target] for s in chosen)})",
              f"{name}.w = np.array({numbers(s.weight for s in chosen)})",
              f"{name}.delay = np.array({numbers(s.delay_ms for s in chosen)}) * ms")
        write("# " + ", ".join(f"{s.source} → {s.target}" for s in chosen))
        objects.append(name)
    return objects


def _currents(write: Writer, plan: SpikingPlan) -> list[str]:
    """Current synapses (exp, alpha) from the cells and the sources, and the current sources' inputs."""
    objects = []
    cell = plan.cell_index
    fed = {n.id for n in plan.sources if is_current_source(n)}
    said = False
    for pre, from_sources, index in (("cells", False, cell), ("sources", True, plan.source_index)):
        for kind, (model, on_pre) in SYNAPSE_MODELS.items():
            chosen = [s for s in plan.from_sources(from_sources) if s.kind == kind and s.source not in fed]
            if not chosen:
                continue
            if not said:
                write("", "")
                write.say("current_synapses")
                said = True
            short = kind.removeprefix("current_")
            name = f"{pre}_{short}_to_cells"
            write(f"model = {model.format(target=f'I_{short}_{pre}')}",
                  f'{name} = Synapses({pre}, cells, model, on_pre="{on_pre}", method="exact", order=1, dt=DT)',
                  f"{name}.connect(i={integers(index[s.source] for s in chosen)},",
                  f"{' ' * len(name)}         j={integers(cell[s.target] for s in chosen)})",
                  f"{name}.w = np.array({numbers(s.weight for s in chosen)})",
                  f"{name}.tau_syn = np.array({numbers(s.tau_syn_ms for s in chosen)}) * ms",
                  f"{name}.delay = np.array({numbers(s.delay_ms for s in chosen)}) * ms")
            write("# " + ", ".join(f"{s.source} → {s.target}" for s in chosen))
            objects.append(name)
    chosen = [s for s in plan.synapses if s.source in fed]
    if fed:
        source = plan.source_index
        write("", "")
        write.say("current_sources")
        write(f"currents = NeuronGroup(len(SOURCES), {SOURCE_EQUATIONS}, dt=DT)")
        _set_column(write, "currents", "ac", [1.0 if n.pattern == "ac" else 0.0 for n in plan.sources], "")
        _set_column(write, "currents", "dc", [1.0 if n.pattern == "dc" else 0.0 for n in plan.sources], "")
        _set_column(write, "currents", "frequency", [n.frequency_hz for n in plan.sources], " * Hz")
        objects.append("currents")
    if chosen:
        write('currents_to_cells = Synapses(currents, cells, "w : 1\\nI_source_post = w * shape_pre : 1 (summed)", '
              "dt=DT)",
              f"currents_to_cells.connect(i={integers(source[s.source] for s in chosen)},",
              f"                          j={integers(cell[s.target] for s in chosen)})",
              f"currents_to_cells.w = np.array({numbers(s.weight for s in chosen)})")
        write("# " + ", ".join(f"{s.source} → {s.target}" for s in chosen))
        objects.append("currents_to_cells")
    return objects


def _output(write: Writer, plan: SpikingPlan) -> None:
    write("", "")
    write.say("spiking_output")
    write("column = {nid: c for c, nid in enumerate(IDS)}",
          "rows = np.zeros((STEPS, len(IDS)))",
          "spikes = {nid: [] for nid in IDS}")
    if plan.cells:
        write("rows[:, [column[nid] for nid in CELLS]] = np.asarray(voltages.v).T")
    pairs = ([("cell_spikes", "CELLS", False)] if plan.cells else []) + \
        ([("source_spikes", "SOURCES", True)] if plan.sources else [])
    for monitor, group, is_source in pairs:
        write(f"for i, t in zip(np.asarray({monitor}.i), np.asarray({monitor}.t_)):",
              "    k = int(round(t / float(DT)))",
              f"    spikes[{group}[i]].append(round(k * DT_MS, 9))")
        if is_source:
            write(f"    rows[k, column[{group}[i]]] = 1.0")
    write("activity = rows.tolist()")
