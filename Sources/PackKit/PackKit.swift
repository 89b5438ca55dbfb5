/// Namespace placeholder until the module lands.
public enum PackKitModule {}
