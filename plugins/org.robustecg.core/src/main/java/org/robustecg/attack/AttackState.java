package org.robustecg.attack;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;

/**
 * Memory of an iterative attack on one batch. DJL puts an op's result in the manager of its first operand, so
 * inside an iteration an op on the clean batch, the mask or the labels would leave its result (and any autograd
 * graph it holds) in the caller's managers until the batch ends, and replaced running state (the previous
 * iterate, moments, best points) would pile up the same way: PGD-100 on CPSC2018 records, 69 MB per array at
 * batch 64, would hold tens of GB. Each iteration therefore works in its own manager with the caller's arrays
 * borrowed into it, and keeps only the running state it names; everything else is freed.
 */
final class AttackState implements AutoCloseable {

    private final NDArray clean;
    private final NDManager owner;
    private NDManager state;

    /** @param clean the batch under attack: never moved or closed; its manager receives the result */
    AttackState(NDArray clean) {
        this.clean = clean;
        this.owner = clean.getManager();
        this.state = owner.newSubManager();
    }

    /**
     * The manager of one iteration, to close at its end: the clean batch and {@code borrowed} (mask, labels,
     * null allowed) are attached to it while it is open, and go back to their own managers when it closes.
     */
    NDManager iteration(NDArray... borrowed) {
        NDManager scope = owner.newSubManager();
        borrow(scope, clean);
        for (NDArray a : borrowed) {
            borrow(scope, a);
        }
        return scope;
    }

    /** Keeps {@code arrays} (the running state after this iteration) and frees every other array kept before. */
    void keep(NDArray... arrays) {
        NDManager next = owner.newSubManager();
        for (NDArray a : arrays) {
            if (a != null && a != clean) {
                a.attach(next);
            }
        }
        state.close();
        state = next;
    }

    /** {@code adversarial} (a copy if it is the clean batch), owned by the clean batch's manager. */
    NDArray result(NDArray adversarial) {
        NDArray result = adversarial == clean ? clean.duplicate() : adversarial;
        result.attach(owner);
        return result;
    }

    @Override
    public void close() {
        state.close();
    }

    /** Attaches {@code a} to {@code scope} until the scope closes, unless it is already there. */
    static void borrow(NDManager scope, NDArray a) {
        if (a != null && a.getManager() != scope) {
            a.tempAttach(scope);
        }
    }
}
