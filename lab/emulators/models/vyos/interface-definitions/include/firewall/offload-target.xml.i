<!-- include start from firewall/offload-target.xml.i -->
<leafNode name="offload-target">
  <properties>
    <help>Set flowtable offload target. Action offload must be defined to use this setting</help>
    <completionHelp>
      <path>firewall flowtable</path>
    </completionHelp>
  </properties>
</leafNode>
<!-- include end -->
