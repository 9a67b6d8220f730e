package golden;

public record RestartStockRequest(String stockCreatorMchid) {}
